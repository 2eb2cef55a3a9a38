/**
 * A client of the emulators' control API (emulators/README.md "Control API"): the demo and its tests make
 * learning happen over HTTP, exactly as a user would with curl, rather than by reaching into the emulators.
 */
export interface TalentLmsEnrollment {
  course_id: string;
  role: string;
  completion_status: string;
  completion_percentage: string;
}

export interface TalentLmsUserView {
  user: { id: string; first_name: string; last_name: string };
  enrollments: TalentLmsEnrollment[];
}

export class ControlClient {
  private readonly url: string;

  constructor(url: string | undefined) {
    if (!url) throw new Error('The emulators were started without their control API');
    this.url = url;
  }

  get<T>(path: string): Promise<T> {
    return this.call<T>('GET', path);
  }

  post<T = unknown>(path: string, body: unknown): Promise<T> {
    return this.call<T>('POST', path, body);
  }

  talentlmsUser(id: string): Promise<TalentLmsUserView> {
    return this.get<TalentLmsUserView>(`/talentlms/users/${encodeURIComponent(id)}`);
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body)
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`control API ${method} ${path} answered ${response.status}: ${text}`);
    return JSON.parse(text) as T;
  }
}
