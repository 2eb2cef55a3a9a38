import { contactLearningDto } from '../learning/learningService';
import { idParam, type ControllerHandlers } from './context';

/** ContactLearningController: one Contact's learning activity. */
export const ContactLearningController: ControllerHandlers = {
  getContactLearning: (context, params) => contactLearningDto(context, idParam(params, 'contactId'))
};
