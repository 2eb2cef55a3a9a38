import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { PERSONA_PERMISSION_SETS } from '../../emulators/seeds/personaPermissionSets';

/**
 * Who the preview can sign in as. Read from the seed manifest (`emulators/seeds/<name>.manifest.json`), whose
 * `personas` object carries User ids for learner, manager, skipLevelManager and admin, and the ids of a sample
 * account and contact. Both a flat `personas` object (`{learner: "005…", account: "001…"}`) and per-persona
 * objects (`{learner: {userId: "005…"}}`) are accepted; unknown keys are ignored (contracts/README.md).
 */
export type PersonaRole = 'learner' | 'manager' | 'skipLevelManager' | 'admin';

export interface Persona {
  /** A PersonaRole for manifest personas; tests may add others (peer, outsider …). */
  key: string;
  label: string;
  userId: string;
  /** Display name; filled from the User record when the server starts. */
  name: string;
  /** Packaged permission sets the persona holds (decide object access, as in an org). */
  permissionSets: string[];
  /** Custom permissions `@salesforce/customPermission/*` answers true for ('*' = all). */
  permissions: string[];
}

export interface PersonaManifest {
  personas: Persona[];
  records: { accountId?: string; contactId?: string };
}

// The default sets are the ones the seed loader assigns in the org (emulators/seeds/personaPermissionSets.ts).
const ROLES: { key: PersonaRole; label: string; permissionSets: readonly string[] }[] = [
  { key: 'learner', label: 'Learner', permissionSets: PERSONA_PERMISSION_SETS.learner },
  { key: 'manager', label: 'Manager', permissionSets: PERSONA_PERMISSION_SETS.manager },
  {
    key: 'skipLevelManager',
    label: 'Skip-level manager',
    permissionSets: PERSONA_PERMISSION_SETS.skipLevelManager
  },
  { key: 'admin', label: 'Admin', permissionSets: PERSONA_PERMISSION_SETS.admin }
];

const id = z.string().regex(/^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/, 'a 15- or 18-character Salesforce id');
const personaEntry = z.union([
  id,
  z.object({ userId: id, name: z.string().optional(), permissionSets: z.array(z.string()).optional() })
]);
const recordEntry = z.union([id, z.object({ id }), z.object({ recordId: id })]);

const manifestSchema = z.object({
  personas: z.object({
    learner: personaEntry,
    manager: personaEntry,
    skipLevelManager: personaEntry,
    admin: personaEntry,
    account: recordEntry.optional(),
    contact: recordEntry.optional(),
    accountId: id.optional(),
    contactId: id.optional()
  })
});

function recordId(entry: z.infer<typeof recordEntry> | undefined): string | undefined {
  if (entry === undefined) return undefined;
  if (typeof entry === 'string') return entry;
  return 'id' in entry ? entry.id : entry.recordId;
}

/** Validates a manifest document; the error names every missing or malformed key and the file to fix. */
export function parsePersonaManifest(document: unknown, source = 'persona manifest'): PersonaManifest {
  const parsed = manifestSchema.safeParse(document);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`
    );
    throw new Error(`${source} is not a usable persona manifest:\n  ${problems.join('\n  ')}`);
  }
  const given = parsed.data.personas;
  const personas = ROLES.map((role): Persona => {
    const entry = given[role.key];
    const detail = typeof entry === 'string' ? { userId: entry } : entry;
    return {
      key: role.key,
      label: role.label,
      userId: detail.userId,
      name: ('name' in detail && detail.name) || role.label,
      permissionSets: ('permissionSets' in detail && detail.permissionSets) || [...role.permissionSets],
      permissions: role.key === 'admin' ? ['*'] : []
    };
  });
  return {
    personas,
    records: {
      accountId: given.accountId ?? recordId(given.account),
      contactId: given.contactId ?? recordId(given.contact)
    }
  };
}

export function readPersonaManifest(file: string): PersonaManifest {
  let document: unknown;
  try {
    document = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read the persona manifest ${file}: ${(error as Error).message}`);
  }
  return parsePersonaManifest(document, file);
}
