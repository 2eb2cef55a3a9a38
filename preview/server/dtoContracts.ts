import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

/**
 * The Apex DTO contracts (contracts/dto/<Controller>.<method>.schema.json). Every backend answer is checked
 * against its method's schema when one exists, so the preview can never show data the real Apex could not
 * return, and a drift between the handlers and the contract fails the request (and the tests) loudly.
 */
export class DtoContracts {
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(private readonly dir: string) {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    for (const file of existsSync(dir) ? readdirSync(dir).sort() : []) {
      const match = /^(\w+)\.(\w+)\.schema\.json$/.exec(file);
      if (!match) continue;
      const schema = JSON.parse(readFileSync(join(dir, file), 'utf8'));
      this.validators.set(`${match[1]}.${match[2]}`.toLowerCase(), ajv.compile(schema));
    }
  }

  static fromRepository(root: string): DtoContracts {
    return new DtoContracts(join(root, 'contracts/dto'));
  }

  has(controller: string, method: string): boolean {
    return this.validators.has(`${controller}.${method}`.toLowerCase());
  }

  get methods(): string[] {
    return [...this.validators.keys()];
  }

  /** Problems of one answer (empty when valid or when the method has no contract). */
  problems(controller: string, method: string, value: unknown): string[] {
    const validate = this.validators.get(`${controller}.${method}`.toLowerCase());
    if (!validate || validate(value)) return [];
    return (validate.errors ?? []).map(
      (error) => `${error.instancePath || '(root)'} ${error.message ?? 'is invalid'}`
    );
  }
}
