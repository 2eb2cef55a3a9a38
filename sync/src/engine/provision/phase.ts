import { CircuitBreakerError, ConfigError } from '../../core/errors';
import type { PlanResult } from '../../core/planResult';
import { plan as planProvisioning, type ProvisionPlan, summarisePlan } from '../../core/provision';
import type { Settings } from '../../settings';
import type { Phase, RunContext } from '../phase';
import { catalogRecord } from './catalog';
import { type DraftToPlan, draftNeedingPlan, readDraft, storeDraftPlan } from './draft';
import { ProvisionExecutor } from './executor';
import { choosePass, describePass } from './gate';
import { SalesforceReader, type SalesforceRead } from './salesforceReader';
import {
  readCatalog,
  readTalentLms,
  readUsers,
  type TalentLmsCatalog,
  type TalentLmsCatalogRead
} from './talentlmsReader';

/**
 * Step 3 of a run (DESIGN.md): read TalentLMS (catalog and users) and Salesforce (people in scope, Learner__c,
 * the absent re-read by Id), publish the catalog, decide with the pure `plan`, then either store the plan
 * (`tlms-sync plan`, nothing written to TalentLMS) or carry it out. A newer draft without a plan gets its plan
 * stored as a Plan run on every run. Every run publishes the catalog; between full passes a run skips the
 * rest when Salesforce shows no change (./gate.ts). A pass that finishes without failures records its start
 * and settings in the state.
 */
export const PROVISION_LABEL = 'Provisioning learners';

export function provisionPhase(): Phase {
  return { name: 'provision', label: PROVISION_LABEL, run: (ctx) => new ProvisionRun(ctx).run() };
}

interface Computed {
  plan: ProvisionPlan;
  read: SalesforceRead;
}

class ProvisionRun {
  constructor(private readonly ctx: RunContext) {}

  async run(): Promise<void> {
    const { ctx } = this;
    if (ctx.mode === 'plan') return this.plan();
    const startedAt = ctx.clock.now();
    const catalog = await readCatalog(ctx.tl, ctx.signal);
    await this.publishCatalog(catalog);
    const draft = await draftNeedingPlan(ctx);
    const pass = await choosePass(ctx, draft !== null);
    ctx.logger.info(describePass(pass));
    if (!pass.full) return;
    // Cleared first, so a pass that stops half-way (quota, crash) is a full pass again next time.
    if (ctx.state.get('ProvisionedAt') !== null) await ctx.state.save({ ProvisionedAt: null });
    const failuresBefore = ctx.counts.failed + ctx.issues.failureCount;
    const talentlms: TalentLmsCatalogRead = {
      ...catalog,
      users: await readUsers(ctx.tl, catalog.totals.users, ctx.signal)
    };
    await ctx.checkpoint();
    if (draft) await this.planDraft(draft, talentlms);
    await this.provision(talentlms);
    if (ctx.counts.failed + ctx.issues.failureCount === failuresBefore) {
      ctx.state.stage({
        ProvisionedAt: new Date(startedAt).toISOString(),
        ProvisionedSettingsHash: ctx.settingsDocuments.active?.hash ?? null
      });
    }
  }

  /** `tlms-sync plan`: always the full read; stores the plan and writes nothing to TalentLMS or the state. */
  private async plan(): Promise<void> {
    const { ctx } = this;
    const talentlms = await readTalentLms(ctx.tl, ctx.signal);
    await this.publishCatalog(talentlms);
    await ctx.checkpoint();
    if (ctx.options.draft) {
      const draft = readDraft(ctx);
      const computed = await this.compute(draft.settings, talentlms);
      this.publishPlan(
        this.summary(computed, talentlms, { source: 'draft', version: draft.version, hash: draft.hash })
      );
      return;
    }
    const active = ctx.settingsDocuments.active;
    const computed = await this.compute(ctx.settings, talentlms);
    this.publishPlan(
      this.summary(computed, talentlms, {
        source: 'active',
        version: active?.version ?? null,
        hash: active?.hash || null
      })
    );
  }

  private async provision(talentlms: TalentLmsCatalogRead): Promise<void> {
    const { ctx } = this;
    const { plan, read } = await this.compute(ctx.settings, talentlms);
    const verdict = plan.circuitBreaker;
    if (verdict.tripped) {
      throw new CircuitBreakerError(
        `The run would deactivate ${verdict.deactivations} of ${verdict.managedActive} active learners (more than ${Math.round(verdict.maxShare * 100)}% and more than ${verdict.allowance}); nothing was changed`,
        { ...verdict }
      );
    }
    if (plan.branchCheck?.exceeded && plan.branchCheck.needed > 0) {
      ctx.issues.report({
        code: 'BRANCH_LIMIT_REACHED',
        action: 'branch',
        subject: 'provision:branches',
        message: `The portal allows ${String(plan.branchCheck.limit)} branches; ${plan.branchCheck.existing} exist and ${plan.branchCheck.needed} more are needed. No branch was created.`
      });
    } else {
      ctx.issues.resolve('provision:branches', 'branch');
    }
    const learners = new Map(read.learners.map((l) => [l.salesforceId, l]));
    const gone = new Set(
      read.absences
        .filter((a) => a.reason === 'deleted' || a.reason === 'merged' || a.reason === 'unknown')
        .map((a) => a.salesforceId)
    );
    const executor = new ProvisionExecutor(ctx, plan, talentlms, learners, gone);
    await executor.execute();
    if (ctx.counts.created > 0 && ctx.settings.email.newLearnerPolicy === 'restrict') {
      ctx.warn(
        'New learners were signed up with restrict_email: TalentLMS sends them no e-mail, and this stays so until someone edits them in TalentLMS (switching the policy back does not lift it).'
      );
    }
  }

  private async compute(settings: Settings, talentlms: TalentLmsCatalogRead): Promise<Computed> {
    const { ctx } = this;
    const read = await new SalesforceReader(ctx.sf, ctx.schema, settings).read();
    ctx.progress.update(PROVISION_LABEL, 0, read.people.length);
    const plan = planProvisioning({
      people: read.people,
      absences: read.absences,
      learners: read.learners,
      talentlms,
      settings,
      nowMs: ctx.clock.now()
    });
    ctx.logger.debug('Provisioning plan', {
      people: plan.people.length,
      groupsToCreate: plan.groupsToCreate.length,
      branchesToCreate: plan.branchesToCreate.length,
      circuitBreaker: plan.circuitBreaker.tripped
    });
    return { plan, read };
  }

  private summary(
    computed: Computed,
    talentlms: TalentLmsCatalogRead,
    settings: PlanResult['settings']
  ): PlanResult {
    const { read, plan } = computed;
    return summarisePlan({
      plan,
      computedAt: this.ctx.clock.now(),
      settings,
      population: {
        salesforceUsers: read.counts.users,
        salesforceContacts: read.counts.contacts,
        inScope: read.people.length,
        talentlmsUsers: talentlms.users.length
      }
    });
  }

  /**
   * A newer draft without a plan gets one on every run. A draft that cannot be planned (a field it names does
   * not exist) is a warning here, never a reason to stop the run the active settings drive.
   */
  private async planDraft(draft: DraftToPlan, talentlms: TalentLmsCatalogRead): Promise<void> {
    const { ctx } = this;
    try {
      const computed = await this.compute(draft.settings, talentlms);
      const summary = this.summary(computed, talentlms, {
        source: 'draft',
        version: draft.version,
        hash: draft.hash
      });
      await storeDraftPlan(ctx, summary);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      ctx.warn(
        `The draft settings (version ${String(draft.version)}) could not be planned: ${error.message}`
      );
    }
  }

  /** Plan mode: store the plan, and show what a run would do as the summary's counts (what `plan` prints). */
  private publishPlan(plan: PlanResult): void {
    const { ctx } = this;
    ctx.setPlan(plan);
    const t = plan.totals;
    Object.assign(ctx.counts, {
      created: t.create,
      updated: t.update,
      activated: t.activate,
      deactivated: t.deactivate,
      grouped: t.group,
      branched: t.branch,
      excluded: t.exclude,
      needsReview: t.needsReview
    });
    const cb = plan.circuitBreaker;
    if (cb.tripped) {
      ctx.warn(
        `A run with these settings would stop (exit 5): ${cb.deactivations} of ${cb.managedActive} active learners would be deactivated`
      );
    }
    if (
      plan.branches &&
      plan.branches.limit !== null &&
      plan.branches.existing + plan.branches.needed > plan.branches.limit
    ) {
      ctx.warn(
        `The portal allows ${plan.branches.limit} branches; ${plan.branches.existing} exist and ${plan.branches.needed} more are needed`
      );
    }
  }

  private async publishCatalog(talentlms: TalentLmsCatalog): Promise<void> {
    const { ctx } = this;
    const o = ctx.schema.TalentLmsCatalog;
    const record = catalogRecord(
      talentlms,
      ctx.schema,
      ctx.config.talentlms.domain,
      null,
      new Date(ctx.clock.now()).toISOString()
    );
    const [result] = await ctx.sf.upsert(o.name, o.f.CatalogKey, [record]);
    if (!result?.success) {
      ctx.warn(
        `The TalentLMS catalog could not be published: ${result?.errors.map((e) => `${e.statusCode} ${e.message}`).join('; ')}`
      );
    }
  }
}
