/**
 * The packaged permission sets each persona of a seed holds, as the admin who set the org up assigned them
 * (the seed loader writes them as PermissionSetAssignment rows; the preview uses the same defaults when a
 * manifest names none).
 */
export const PERSONA_PERMISSION_SETS = {
  learner: ['TalentLMS_Learner'],
  manager: ['TalentLMS_Learner', 'TalentLMS_Manager'],
  skipLevelManager: ['TalentLMS_Learner', 'TalentLMS_Manager'],
  admin: ['TalentLMS_Admin']
} as const satisfies Record<string, readonly string[]>;

export type PersonaWithSets = keyof typeof PERSONA_PERMISSION_SETS;
