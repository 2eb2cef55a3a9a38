import { liveUser, requireUser } from '../domain/lookup';
import { Messages, fail } from '../http/errors';
import { loginKey } from '../present/common';
import { randomDigits } from '../format/text';
import type { Endpoint } from './types';

/** SSO and account-recovery calls (reference §4.1). The emulator sends no e-mail; it only answers. */

/** How long after `userlogin` a user counts as online (the portal's session idea; not documented). */
export const ONLINE_WINDOW_SECONDS = 15 * 60;

const userlogin: Endpoint = {
  name: 'userlogin',
  style: 'post',
  handle(ctx, params) {
    const login = params.require('login');
    const password = params.require('password');
    const user = ctx.state.findUserByLogin(login);
    if (!user || user.deleted || user.password !== password) fail(Messages.badLogin);
    if (user.status !== 'active') fail(Messages.inactiveLogin);
    user.last_login = ctx.state.now();
    ctx.events.userLoggedIn(user);
    return { user_id: user.id, login_key: loginKey(ctx) };
  }
};

const userlogout: Endpoint = {
  name: 'userlogout',
  style: 'post',
  handle(ctx, params) {
    const user = requireUser(ctx, params.requireId('user_id'));
    const next = params.get('next') ?? '';
    // The user is only logged out when the browser follows this URL (reference §4.1).
    const token = `${user.id}${randomDigits(ctx.random, 4)}`;
    return { redirect_url: ctx.state.url(`/index/logout/token:${token},next:${next}`) };
  }
};

const isuseronline: Endpoint = {
  name: 'isuseronline',
  style: 'get',
  handle(ctx, params) {
    const user = requireUser(ctx, params.requireId('user_id'));
    const online = user.last_login !== null && ctx.state.now() - user.last_login < ONLINE_WINDOW_SECONDS;
    return { online };
  }
};

const forgotusername: Endpoint = {
  name: 'forgotusername',
  style: 'get',
  handle(ctx, params) {
    const user = liveUser(ctx.state.findUserByEmail(params.require('email')));
    return { user_id: user.id };
  }
};

const forgotpassword: Endpoint = {
  name: 'forgotpassword',
  style: 'get',
  handle(ctx, params) {
    const user = liveUser(ctx.state.findUserByLogin(params.require('username')));
    return { user_id: user.id };
  }
};

export const userSessionEndpoints: Endpoint[] = [
  userlogin,
  userlogout,
  isuseronline,
  forgotusername,
  forgotpassword
];
