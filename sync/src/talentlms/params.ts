/**
 * v1 puts parameters in the path as comma-joined `key:value` pairs after the endpoint name
 * (`/api/v1/users/id:5`, `/api/v1/usersetstatus/user_id:7,status:inactive`). Values are percent-encoded
 * (commas, colons and slashes inside a value would otherwise change the pairs); servers decode each once.
 */
export type ParamValue = string | number | boolean;
export type Params = Record<string, ParamValue | undefined>;

export function encodeParamValue(value: ParamValue): string {
  return encodeURIComponent(String(value)).replace(/%40/g, '@');
}

/** `users` + {id: 5} → `/api/v1/users/id:5`. */
export function v1Path(endpoint: string, params: Params = {}): string {
  if (!/^[a-z]+$/i.test(endpoint)) throw new Error(`Not a TalentLMS v1 endpoint name: ${endpoint}`);
  const pairs = Object.entries(params)
    .filter((entry): entry is [string, ParamValue] => entry[1] !== undefined)
    .map(([key, value]) => `${key}:${encodeParamValue(value)}`);
  return `/api/v1/${endpoint}${pairs.length > 0 ? `/${pairs.join(',')}` : ''}`;
}

/** Form body for POST endpoints (`usersignup`, `edituser`…), as application/x-www-form-urlencoded. */
export function formBody(fields: Params): string {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined) body.append(key, String(value));
  }
  return body.toString();
}
