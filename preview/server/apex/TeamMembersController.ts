import { teamDto, userLearningDto } from '../learning/learningService';
import { booleanParam, idParam, integerParam, stringParam, type ControllerHandlers } from './context';

/** TeamMembersController: the caller's team, and one member's dashboard. */
export const TeamMembersController: ControllerHandlers = {
  getTeam: (context, params) =>
    teamDto(
      context,
      integerParam(params, 'pageSize'),
      integerParam(params, 'pageOffset'),
      booleanParam(params, 'includeIndirect'),
      stringParam(params, 'sortedBy'),
      stringParam(params, 'sortDirection')
    ),
  getMemberLearning: (context, params) => userLearningDto(context, idParam(params, 'userId'))
};
