import type { EmulatorContext } from '../context';
import { parsePortalDate } from '../format/dates';
import { customValueMatches, readCustomFields } from '../domain/customFieldValues';
import { liveUser, requireBranch, requireGroup, requireUser } from '../domain/lookup';
import { joinBranch, joinGroup } from '../domain/membership';
import { checkPassword, checkRoomForActiveUser } from '../domain/portal';
import { Messages, fail } from '../http/errors';
import { normaliseId, type Params } from '../http/params';
import { createdId, requiredDateTime } from '../present/common';
import { presentCertificate, presentUser, presentUserWithLearning } from '../present/user';
import type { UserRecord } from '../state/records';
import { type Endpoint, operationCompleted } from './types';

/** Users (reference §4.1): list, get, signup, edit, status, delete, search by custom field. */

const LANGUAGES: Record<string, string> = {
  en: 'English',
  el: 'Greek',
  de: 'German',
  fr: 'French',
  es: 'Spanish',
  it: 'Italian',
  pt: 'Portuguese',
  nl: 'Dutch'
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function onOff(value: string | undefined, fallback: '0' | '1'): '0' | '1' {
  if (value === undefined) return fallback;
  if (value === 'on' || value === '1') return '1';
  if (value === 'off' || value === '0' || value === '') return '0';
  return fail(Messages.invalidArguments);
}

function checkUnique(ctx: EmulatorContext, email: string, login: string, self?: UserRecord): void {
  const byEmail = ctx.state.findUserByEmail(email);
  if (byEmail && byEmail !== self) fail(Messages.duplicateEmail);
  const byLogin = ctx.state.findUserByLogin(login);
  if (byLogin && byLogin !== self) fail(Messages.duplicateLogin);
}

const users: Endpoint = {
  name: 'users',
  style: 'get',
  handle(ctx, params) {
    if (params.has('id')) return presentUserWithLearning(ctx, requireUser(ctx, params.requireId('id')));
    if (params.has('email')) {
      return presentUserWithLearning(ctx, liveUser(ctx.state.findUserByEmail(params.require('email'))));
    }
    if (params.has('username')) {
      return presentUserWithLearning(ctx, liveUser(ctx.state.findUserByLogin(params.require('username'))));
    }
    const all = [...ctx.state.users.values()].filter((user) => !user.deleted);
    all.sort((a, b) => Number(a.id) - Number(b.id));
    if (!params.has('page_size') && !params.has('page_number'))
      return all.map((user) => presentUser(ctx, user));
    const size = Number(params.requireId('page_size'));
    const page = Number(params.optionalId('page_number') ?? '1');
    if (size < 1 || page < 1) fail(Messages.invalidArguments);
    return all.slice((page - 1) * size, page * size).map((user) => presentUser(ctx, user));
  }
};

const usersignup: Endpoint = {
  name: 'usersignup',
  style: 'post',
  handle(ctx, params) {
    const [first_name, last_name, email, login, password] = [
      'first_name',
      'last_name',
      'email',
      'login',
      'password'
    ].map((name) => params.require(name));
    if (!EMAIL.test(email)) fail(Messages.invalidArguments);
    checkUnique(ctx, email, login);
    checkPassword(ctx, password);
    const custom = readCustomFields(
      ctx,
      params,
      ctx.state.customFields,
      ctx.settings.quirks.enforceMandatoryCustomFields
    );
    const userType = params.get('user_type');
    const knownType =
      userType && ctx.state.userTypes.find((type) => type.toLowerCase() === userType.toLowerCase());
    if (userType && !knownType) fail(Messages.userTypeMissing);
    const branchId = params.optionalId('branch_id');
    const groupId = params.optionalId('group_id');
    const branch = branchId === undefined ? undefined : requireBranch(ctx, branchId);
    const group = groupId === undefined ? undefined : requireGroup(ctx, groupId);
    const status = ctx.settings.portal.signupCreatesInactive ? 'inactive' : 'active';
    if (status === 'active') checkRoomForActiveUser(ctx);
    const languageCode = params.get('language');
    const user = ctx.state.addUser({
      first_name,
      last_name,
      email,
      login,
      password,
      status,
      custom,
      user_type: knownType || 'Learner-Type',
      language: languageCode ? (LANGUAGES[languageCode.toLowerCase()] ?? languageCode) : 'English',
      restrict_email: onOff(params.get('restrict_email'), '0')
    });
    ctx.events.userRegistered(user);
    if (branch) joinBranch(ctx, user, branch);
    if (group) joinGroup(ctx, user, group);
    return { ...presentUser(ctx, user), id: createdId(ctx, user.id) };
  }
};

const edituser: Endpoint = {
  name: 'edituser',
  style: 'post',
  handle(ctx, params) {
    const user = requireUser(ctx, params.requireId('user_id'));
    const email = params.get('email') || user.email;
    const login = params.get('login') || user.login;
    if (!EMAIL.test(email)) fail(Messages.invalidArguments);
    checkUnique(ctx, email, login, user);
    const password = params.get('password');
    if (password) checkPassword(ctx, password);
    const patch: Partial<UserRecord> = { email, login };
    for (const key of ['first_name', 'last_name', 'timezone'] as const) {
      const value = params.get(key);
      if (value) patch[key] = value;
    }
    if (password) patch.password = password;
    if (params.has('bio')) patch.bio = params.get('bio') ?? null;
    if (params.has('credits')) patch.credits = normaliseId(params.require('credits'));
    if (params.has('restrict_email'))
      patch.restrict_email = onOff(params.get('restrict_email'), user.restrict_email);
    if (params.has('deactivation_date')) patch.deactivation_date = readDeactivationDate(ctx, user, params);
    const custom = readCustomFields(ctx, params, ctx.state.customFields, false);
    patch.custom = { ...user.custom, ...custom };
    ctx.state.updateUser(user.id, patch);
    ctx.events.userChanged(user);
    return presentUser(ctx, user);
  }
};

/** "only if user already active; empty value disables it" (reference §4.1). */
function readDeactivationDate(ctx: EmulatorContext, user: UserRecord, params: Params): number | null {
  const value = params.get('deactivation_date') ?? '';
  if (value.trim() === '') return null;
  if (user.status !== 'active') fail(Messages.invalidArguments);
  const date = parsePortalDate(value, ctx.settings.portal.dateFormat);
  if (date === null) fail(Messages.invalidArguments);
  return date + 86399; // the portal shows the end of that day ("03/11/2012, 23:59:59")
}

const usersetstatus: Endpoint = {
  name: 'usersetstatus',
  style: 'get',
  handle(ctx, params) {
    const user = requireUser(ctx, params.requireId('user_id'));
    const status = params.require('status');
    if (status !== 'active' && status !== 'inactive') fail(Messages.invalidArguments);
    if (status === 'active' && user.status !== 'active') checkRoomForActiveUser(ctx);
    if (user.status !== status) {
      // Re-activating clears a deactivation date that has already passed, or it would apply again at once.
      const expired = user.deactivation_date !== null && user.deactivation_date <= ctx.state.now();
      ctx.state.updateUser(
        user.id,
        status === 'active' && expired ? { status, deactivation_date: null } : { status }
      );
      ctx.events.userChanged(user);
    }
    return { user_id: user.id, status };
  }
};

const deleteuser: Endpoint = {
  name: 'deleteuser',
  style: 'post',
  handle(ctx, params) {
    const id = params.requireId('user_id');
    const permanent = params.get('permanent') === 'yes';
    const user = permanent ? ctx.state.users.get(id) : requireUser(ctx, id);
    if (!user) fail(Messages.userMissing);
    const deletedBy = params.optionalId('deleted_by_user_id');
    if (deletedBy !== undefined) requireUser(ctx, deletedBy);
    ctx.events.userDeleted(user);
    if (permanent) ctx.state.removeUser(user.id);
    else ctx.state.updateUser(user.id, { deleted: true });
    return operationCompleted;
  }
};

/** Answers an object keyed by user id; PHP encodes an empty one as `[]`. */
const getusersbycustomfield: Endpoint = {
  name: 'getusersbycustomfield',
  style: 'get',
  handle(ctx, params) {
    const wanted = params.require('custom_field_value');
    const found: Record<string, unknown> = {};
    for (const user of ctx.state.users.values()) {
      if (user.deleted) continue;
      const hit = ctx.state.customFields.some((field) => {
        const stored = user.custom[field.key];
        return stored !== undefined && stored !== '' && customValueMatches(ctx, field, stored, wanted);
      });
      if (hit) found[user.id] = reducedUser(ctx, user);
    }
    return Object.keys(found).length === 0 ? [] : found;
  }
};

function reducedUser(ctx: EmulatorContext, user: UserRecord): Record<string, unknown> {
  const full = presentUser(ctx, user);
  return {
    id: user.id,
    login: user.login,
    first_name: user.first_name,
    last_name: user.last_name,
    email: user.email,
    restrict_email: user.restrict_email,
    status: user.status,
    language: user.language,
    deactivation_date: full.deactivation_date,
    created_on: requiredDateTime(ctx, user.created_on),
    last_updated: requiredDateTime(ctx, user.last_updated),
    last_updated_timestamp: String(user.last_updated),
    ...Object.fromEntries(ctx.state.customFields.map((field) => [field.key, user.custom[field.key] ?? ''])),
    certifications: ctx.state
      .certificatesOf(user.id)
      .map((certificate) => presentCertificate(ctx, certificate))
  };
}

export const userEndpoints: Endpoint[] = [
  users,
  usersignup,
  edituser,
  usersetstatus,
  deleteuser,
  getusersbycustomfield
];
