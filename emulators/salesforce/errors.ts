/**
 * Errors in the shapes Salesforce documents (salesforce.md §2): top-level REST errors are a JSON array of
 * `{message, errorCode[, fields]}`; per-record results carry `{statusCode, message, fields}`.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string,
    readonly fields?: string[]
  ) {
    super(message);
  }

  body(): Array<{ message: string; errorCode: string; fields?: string[] }> {
    const item: { message: string; errorCode: string; fields?: string[] } = {
      message: this.message,
      errorCode: this.errorCode
    };
    if (this.fields) item.fields = this.fields;
    return [item];
  }
}

/** A per-record failure (collections, single-record routes, Bulk 2.0 failed results). */
export interface RecordError {
  statusCode: string;
  message: string;
  fields: string[];
}

export class RecordFailure extends Error {
  constructor(readonly errors: RecordError[]) {
    super(errors.map((e) => `${e.statusCode}: ${e.message}`).join('; '));
  }

  static of(statusCode: string, message: string, fields: string[] = []): RecordFailure {
    return new RecordFailure([{ statusCode, message, fields }]);
  }
}

export const malformed = (message: string): ApiError => new ApiError(400, 'MALFORMED_QUERY', message);

export const invalidType = (name: string): ApiError =>
  new ApiError(
    400,
    'INVALID_TYPE',
    `sObject type '${name}' is not supported. If you are attempting to use a custom object, be sure to append ` +
      `the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.`
  );

export const notFound = (message = 'The requested resource does not exist'): ApiError =>
  new ApiError(404, 'NOT_FOUND', message);

/** The per-record failure a lockError fault produces (a row lock held by another transaction). */
export const lockFailure = (id?: string): RecordFailure =>
  RecordFailure.of(
    'UNABLE_TO_LOCK_ROW',
    `unable to obtain exclusive access to this record or 1 records: ${id ?? ''}`.trim()
  );
