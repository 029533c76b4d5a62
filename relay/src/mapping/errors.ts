import { AppError } from '../http/errors.js';

/**
 * A mapping that cannot run: bad JSON, an expression that does not parse or runs too long, an unknown field,
 * a cyclic lookup. Always names the mapping and the field, so an admin can find and fix it.
 */
export class MappingError extends AppError {
  readonly isMappingError = true;
  constructor(
    readonly mapping: string,
    readonly field: string,
    readonly reason: string,
    code = 'MAPPING_INVALID',
  ) {
    super(code, `Mapping "${mapping}", field "${field}": ${reason}`, 422, { mapping, field, reason });
    this.name = 'MappingError';
  }
}

export const isMappingError = (e: unknown): e is MappingError =>
  typeof e === 'object' && e !== null && (e as { isMappingError?: unknown }).isMappingError === true;
