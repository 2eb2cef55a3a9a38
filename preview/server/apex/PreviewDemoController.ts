import { userLearning } from '../learning/learningRecords';
import type { ControllerHandlers } from './context';

/**
 * Backs the preview's own demo component (preview/modules/demo), which proves the pipeline before the
 * package's dashboards exist. Not an Apex class: the build lets only preview-owned modules import it.
 */
export const PreviewDemoController: ControllerHandlers = {
  getMyCourses: async (context) => {
    const records = await userLearning(context, [context.caller.userId]);
    return records.courses.map((course) => ({
      id: course.Id,
      courseName: course.CourseName__c ?? null,
      status: course.Status__c ?? null,
      completionPercent: course.CompletionPercent__c ?? 0
    }));
  }
};
