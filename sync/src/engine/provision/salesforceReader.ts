import { ConfigError, SalesforceApiError } from '../../core/errors';
import {
  type AbsenceFact,
  compileFilter,
  contactBaseWhere,
  FilterCompileError,
  idIn,
  type LearnerRow,
  type PersonType,
  type SalesforcePerson,
  scopeWhere,
  selectQuery,
  STANDARD_USER_TYPE,
  userBaseWhere
} from '../../core/provision';
import type { SalesforcePort, SalesforceRecord } from '../../salesforce/port';
import type { BoundSchema } from '../../salesforce/schema';
import type { Settings } from '../../settings';
import { learnerRowOf, learnerSelectFields } from './learnerRecords';

/**
 * Reads the people in scope (pages of 2,000 through the port), the Learner__c rows, and — for people the
 * connector knows who were not returned — reads them again by Id to establish *why* (deleted, inactive,
 * outside the filter). Absence is never inferred from a query result alone.
 */
export interface SalesforceRead {
  people: SalesforcePerson[];
  counts: { users: number; contacts: number };
  learners: LearnerRow[];
  absences: AbsenceFact[];
}

const ID_CHUNK = 200;

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The value at a field path (`Account.Industry`) of a record as the REST API returns it. */
export function valueAt(record: SalesforceRecord, path: string): unknown {
  let current: unknown = record;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object') return null;
    const entry = Object.entries(current as Record<string, unknown>).find(
      ([k]) => k.toLowerCase() === part.toLowerCase()
    );
    current = entry ? entry[1] : null;
  }
  return current ?? null;
}

interface PopulationQuery {
  personType: PersonType;
  object: string;
  where: string | null;
  fields: string[];
}

export class SalesforceReader {
  private readonly described = new Map<string, Map<string, string>>();

  constructor(
    private readonly sf: SalesforcePort,
    private readonly schema: BoundSchema,
    private readonly settings: Settings
  ) {}

  private async fieldTypes(object: string): Promise<Map<string, string>> {
    let types = this.described.get(object);
    if (!types) {
      const describe = await this.sf.describe(object);
      types = new Map(describe.fields.map((f) => [f.name.toLowerCase(), f.type]));
      this.described.set(object, types);
    }
    return types;
  }

  /** Direct fields are checked against describe (clear message); parent paths are left to SOQL. */
  private async checkFields(object: string, paths: string[], where: string): Promise<Record<string, string>> {
    const types = await this.fieldTypes(object);
    const live: Record<string, string> = {};
    for (const path of paths) {
      if (path.includes('.')) continue;
      const type = types.get(path.toLowerCase());
      if (!type) {
        throw new ConfigError(
          'PROVISION_FIELD_UNKNOWN',
          `${where} names ${object}.${path}, which does not exist or is not visible to the integration user`,
          { data: { object, field: path } }
        );
      }
      live[path] = type;
    }
    return live;
  }

  private async populationQuery(personType: PersonType): Promise<PopulationQuery> {
    const s = this.schema;
    const population = personType === 'User' ? this.settings.users : this.settings.contacts;
    const object = personType === 'User' ? s.User.name : s.Contact.name;
    const setting = personType === 'User' ? 'users' : 'contacts';
    const extra = [
      ...(population.groupField ? [population.groupField] : []),
      ...population.fieldMappings.map((m) => m.salesforceField)
    ];
    await this.checkFields(object, extra, `${setting} (group field or field mapping)`);
    const liveTypes = await this.checkFields(
      object,
      population.filter.conditions.map((c) => c.field),
      `${setting}.filter`
    );
    let filter: string | null;
    try {
      filter = compileFilter(population.filter, liveTypes);
    } catch (error) {
      if (error instanceof FilterCompileError) {
        throw new ConfigError('PROVISION_FILTER_INVALID', `${setting}.filter: ${error.message}`);
      }
      throw error;
    }
    const base =
      personType === 'User'
        ? userBaseWhere({
            runAsUserId: this.sf.identity.userId,
            fields: { IsActive: s.User.f.IsActive, UserType: s.User.f.UserType }
          })
        : contactBaseWhere({
            personAccountsEnabled: await this.hasPersonAccounts(),
            includePersonAccounts: this.settings.contacts.personAccounts.include,
            isPersonAccountField: s.Contact.f.IsPersonAccount
          });
    const fields =
      personType === 'User'
        ? [s.User.f.FirstName, s.User.f.LastName, s.User.f.Email]
        : [
            s.Contact.f.FirstName,
            s.Contact.f.LastName,
            s.Contact.f.Email,
            s.Contact.f.AccountId,
            s.Contact.f.AccountName
          ];
    return { personType, object, where: scopeWhere(base, filter), fields: [...fields, ...extra] };
  }

  private async hasPersonAccounts(): Promise<boolean> {
    const types = await this.fieldTypes(this.schema.Contact.name);
    return types.has(this.schema.Contact.f.IsPersonAccount.toLowerCase());
  }

  private async query(soql: string, all = false): Promise<SalesforceRecord[]> {
    try {
      return all ? await this.sf.queryAll(soql) : await this.sf.query(soql);
    } catch (error) {
      if (
        error instanceof SalesforceApiError &&
        /INVALID_FIELD|MALFORMED_QUERY|INVALID_TYPE/.test(error.errorCode)
      ) {
        throw new ConfigError(
          'PROVISION_FILTER_INVALID',
          `Salesforce refused the scope query: ${error.message}`,
          {
            data: { errorCode: error.errorCode }
          }
        );
      }
      throw error;
    }
  }

  private toPerson(record: SalesforceRecord, personType: PersonType): SalesforcePerson {
    const s = this.schema;
    const population = personType === 'User' ? this.settings.users : this.settings.contacts;
    const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
    const f = personType === 'User' ? s.User.f : s.Contact.f;
    const fieldValues: Record<string, unknown> = {};
    for (const mapping of population.fieldMappings) {
      fieldValues[mapping.salesforceField] = valueAt(record, mapping.salesforceField);
    }
    return {
      salesforceId: String(record.Id),
      personType,
      firstName: str(record[f.FirstName]),
      lastName: str(record[f.LastName]),
      email: str(record[f.Email]),
      accountId: personType === 'Contact' ? str(record[s.Contact.f.AccountId]) : null,
      accountName: personType === 'Contact' ? str(valueAt(record, s.Contact.f.AccountName)) : null,
      groupValue: population.groupField ? valueAt(record, population.groupField) : null,
      fieldValues
    };
  }

  async read(): Promise<SalesforceRead> {
    const people: SalesforcePerson[] = [];
    const counts = { users: 0, contacts: 0 };
    const queries: PopulationQuery[] = [];
    if (this.settings.users.enabled) queries.push(await this.populationQuery('User'));
    if (this.settings.contacts.enabled) queries.push(await this.populationQuery('Contact'));
    for (const q of queries) {
      const rows = await this.query(selectQuery(q.object, q.fields, q.where));
      people.push(...rows.map((r) => this.toPerson(r, q.personType)));
      if (q.personType === 'User') counts.users = rows.length;
      else counts.contacts = rows.length;
    }
    const learners = (
      await this.sf.query(selectQuery(this.schema.Learner.name, learnerSelectFields(this.schema), null))
    ).map((r) => learnerRowOf(r, this.schema));
    const inScope = new Set(people.map((p) => p.salesforceId));
    const absent = learners.filter(
      (l) =>
        !inScope.has(l.salesforceId) &&
        (l.state !== 'Excluded' ||
          (this.settings.special.deactivateNotSynced && l.talentlmsStatus === 'Active'))
    );
    const absences = await this.absences(absent, queries);
    return { people, counts, learners, absences };
  }

  private async absences(absent: LearnerRow[], queries: PopulationQuery[]): Promise<AbsenceFact[]> {
    const facts: AbsenceFact[] = [];
    for (const personType of ['User', 'Contact'] as const) {
      const ids = absent.filter((l) => l.personType === personType).map((l) => l.salesforceId);
      if (ids.length === 0) continue;
      const query = queries.find((q) => q.personType === personType);
      if (!query) {
        facts.push(...ids.map((salesforceId) => ({ salesforceId, reason: 'populationDisabled' as const })));
        continue;
      }
      for (const chunk of chunks(ids, ID_CHUNK)) {
        try {
          const read =
            personType === 'User' ? this.userAbsences(chunk, query) : this.contactAbsences(chunk, query);
          facts.push(...(await read));
        } catch (error) {
          // An Id Salesforce refuses (a hand-edited row): no evidence for anyone in the chunk, so nobody is deactivated.
          if (!(error instanceof SalesforceApiError)) throw error;
          facts.push(...chunk.map((salesforceId) => ({ salesforceId, reason: 'unknown' as const })));
        }
      }
    }
    return facts;
  }

  private async userAbsences(ids: string[], query: PopulationQuery): Promise<AbsenceFact[]> {
    const f = this.schema.User.f;
    const rows = await this.query(selectQuery(query.object, [f.IsActive, f.UserType], idIn(ids)));
    const found = new Map(rows.map((r) => [String(r.Id), r]));
    const facts: AbsenceFact[] = [];
    const filterCandidates: string[] = [];
    for (const id of ids) {
      const row = found.get(id);
      if (!row) facts.push({ salesforceId: id, reason: 'unknown' });
      else if (id === this.sf.identity.userId) facts.push({ salesforceId: id, reason: 'runAsUser' });
      else if (row[f.IsActive] !== true) facts.push({ salesforceId: id, reason: 'inactive' });
      else if (row[f.UserType] !== STANDARD_USER_TYPE) facts.push({ salesforceId: id, reason: 'userType' });
      else filterCandidates.push(id);
    }
    return [...facts, ...(await this.outsideFilter(filterCandidates, query))];
  }

  private async contactAbsences(ids: string[], query: PopulationQuery): Promise<AbsenceFact[]> {
    const f = this.schema.Contact.f;
    const personAccounts = await this.hasPersonAccounts();
    const fields = [f.IsDeleted, f.MasterRecordId, ...(personAccounts ? [f.IsPersonAccount] : [])];
    const rows = await this.query(selectQuery(query.object, fields, idIn(ids)), true);
    const found = new Map(rows.map((r) => [String(r.Id), r]));
    const facts: AbsenceFact[] = [];
    const filterCandidates: string[] = [];
    for (const id of ids) {
      const row = found.get(id);
      if (!row) facts.push({ salesforceId: id, reason: 'unknown' });
      else if (row[f.IsDeleted] === true) {
        const master = typeof row[f.MasterRecordId] === 'string' ? (row[f.MasterRecordId] as string) : null;
        facts.push({ salesforceId: id, reason: master ? 'merged' : 'deleted', masterRecordId: master });
      } else if (
        personAccounts &&
        row[f.IsPersonAccount] === true &&
        !this.settings.contacts.personAccounts.include
      ) {
        facts.push({ salesforceId: id, reason: 'personAccount' });
      } else filterCandidates.push(id);
    }
    return [...facts, ...(await this.outsideFilter(filterCandidates, query))];
  }

  /** People who exist and pass the base filter: outside the filter only if the filter, asked for them by Id, says no. */
  private async outsideFilter(ids: string[], query: PopulationQuery): Promise<AbsenceFact[]> {
    if (ids.length === 0) return [];
    const inScope = await this.query(selectQuery(query.object, [], scopeWhere(idIn(ids), query.where)));
    const stillIn = new Set(inScope.map((r) => String(r.Id)));
    // Someone the filter admits now was missed by the first read (it changed in between): no verdict this run.
    return ids
      .filter((id) => !stillIn.has(id))
      .map((salesforceId) => ({ salesforceId, reason: 'filter' as const }));
  }
}
