import { userLearningDto } from '../learning/learningService';
import type { ControllerHandlers } from './context';

/** MyLearningController: the signed-in user's own dashboard. */
export const MyLearningController: ControllerHandlers = {
  getMyLearning: (context) => userLearningDto(context, context.caller.userId)
};
