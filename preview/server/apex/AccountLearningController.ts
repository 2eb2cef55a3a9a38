import { accountActivityDto } from '../learning/learningService';
import { idParam, integerParam, stringParam, type ControllerHandlers } from './context';

/** AccountLearningController: an Account's contacts and their learning, paged. */
export const AccountLearningController: ControllerHandlers = {
  getAccountActivity: (context, params) =>
    accountActivityDto(
      context,
      idParam(params, 'accountId'),
      integerParam(params, 'pageSize'),
      integerParam(params, 'pageOffset'),
      stringParam(params, 'sortedBy'),
      stringParam(params, 'sortDirection')
    )
};
