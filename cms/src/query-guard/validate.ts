/**
 * Checks a content-API query (as `qs` parsed it) before Strapi and the database see it.
 *
 * Strapi validates the *keys* of a query (unknown keys and private fields are a 400 with
 * `strictParams`), but passes most *values* to the database unchecked. On PostgreSQL that turns
 * `filters[id][$eq]=abc`, a NUL byte, `filters[$or]=x` or `$jsonSupersetOf` on a text column into
 * a 500. Everything here answers such a query with a precise 400 instead, knowing the schema of
 * the content type the path reads. What Strapi already validates well (dates, sort and field
 * names, private fields) is left to it.
 */

export class BadQueryError extends Error {
  override name = 'BadQueryError';
  constructor(
    message: string,
    readonly param: string,
  ) {
    super(message);
  }
}

/** The part of a Strapi attribute definition the guard needs. */
export interface AttributeInfo {
  type: string;
  target?: string;
  component?: string;
  private?: boolean;
}
/** Returns the attributes of a content type or component uid, or undefined when unknown. */
export type SchemaLookup = (uid: string) => Record<string, AttributeInfo> | undefined;

export interface QueryLimits {
  /** Longest accepted string value, in characters. */
  maxValueLength: number;
  /** Deepest accepted nesting of filter objects. */
  maxDepth: number;
  /** Most accepted elements of one array ($in, $or…) and conditions in one query. */
  maxArrayLength: number;
  maxConditions: number;
  maxPage: number;
  maxStart: number;
  /**
   * Deepest accepted `populate`: each populated relation, media or component is a level, and
   * each level multiplies the rows a request reads (category → articles → category…).
   */
  maxPopulateDepth: number;
}

export const DEFAULT_LIMITS: QueryLimits = {
  maxValueLength: 1024,
  maxDepth: 8,
  maxArrayLength: 100,
  maxConditions: 200,
  maxPage: 100_000,
  maxStart: 10_000_000,
  // The site populates one level; two leave room for a component's media.
  maxPopulateDepth: 2,
};

// C0 controls and DEL: no legitimate slug, title search or locale contains them, and PostgreSQL
// rejects NUL in text outright.
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are what it finds
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

export function hasControlCharacter(text: string): boolean {
  return CONTROL_CHARACTER.test(text);
}

const SCALAR_OPERATORS = new Set([
  '$eq',
  '$eqi',
  '$ne',
  '$nei',
  '$lt',
  '$lte',
  '$gt',
  '$gte',
  '$contains',
  '$notContains',
  '$containsi',
  '$notContainsi',
  '$startsWith',
  '$startsWithi',
  '$endsWith',
  '$endsWithi',
]);
const LIST_OPERATORS = new Set(['$in', '$notIn']);
const NULL_OPERATORS = new Set(['$null', '$notNull']);
const TEXT_ONLY_OPERATORS = new Set([
  '$contains',
  '$notContains',
  '$containsi',
  '$notContainsi',
  '$startsWith',
  '$startsWithi',
  '$endsWith',
  '$endsWithi',
  '$eqi',
  '$nei',
]);

// Attribute types a public query may compare. json, blocks, password and dynamic zones are not
// filterable: PostgreSQL has no text operators for jsonb, and the rest is not public data.
const TEXT_TYPES = new Set(['string', 'text', 'richtext', 'email', 'uid', 'enumeration']);
const INTEGER_TYPES = new Set(['integer']);
const NUMBER_TYPES = new Set(['float', 'decimal', 'biginteger']);
const DATE_TYPES = new Set(['date', 'time', 'datetime', 'timestamp']);
// PostgreSQL `integer` (ids, integer attributes).
const INT32_MAX = 2_147_483_647;

// Every content type has these besides its declared attributes.
const SYSTEM_ATTRIBUTES: Record<string, AttributeInfo> = {
  id: { type: 'integer' },
  documentId: { type: 'string' },
  locale: { type: 'string' },
  createdAt: { type: 'datetime' },
  updatedAt: { type: 'datetime' },
  publishedAt: { type: 'datetime' },
};

type Json = unknown;

const isPlainObject = (value: Json): value is Record<string, Json> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * `qs` turns `a[0]=x&a[1]=y` into an array, but an index above its arrayLimit into an object
 * with numeric keys; both spell a list.
 */
function asList(value: Json): Json[] | undefined {
  if (Array.isArray(value)) return value;
  if (isPlainObject(value) && Object.keys(value).every((key) => /^\d+$/.test(key))) return Object.values(value);
  return undefined;
}

export class QueryValidator {
  private conditions = 0;

  constructor(
    private readonly schema: SchemaLookup,
    private readonly limits: QueryLimits = DEFAULT_LIMITS,
  ) {}

  /** Throws BadQueryError for the first problem found in `query` for a read of `uid`. */
  validate(uid: string, query: Record<string, Json>, locales: readonly string[]): void {
    this.conditions = 0;
    this.checkStrings(query, 'query', 0);
    if ('locale' in query) this.checkLocale(query.locale, locales);
    if ('pagination' in query) this.checkPagination(query.pagination);
    if ('filters' in query) this.checkFilters(uid, query.filters, 'filters', 0);
    if ('populate' in query) this.checkPopulate(uid, query.populate, 'populate', 1);
  }

  /** Control characters and oversized values anywhere, keys included. */
  private checkStrings(value: Json, path: string, depth: number): void {
    if (depth > this.limits.maxDepth * 3) throw new BadQueryError('The query is nested too deeply', path);
    if (typeof value === 'string') {
      if (hasControlCharacter(value)) throw new BadQueryError('Control characters are not allowed', path);
      if (value.length > this.limits.maxValueLength) {
        throw new BadQueryError(`Values longer than ${this.limits.maxValueLength} characters are not allowed`, path);
      }
      return;
    }
    if (Array.isArray(value)) {
      if (value.length > this.limits.maxArrayLength) throw new BadQueryError('Too many values', path);
      value.forEach((item, index) => {
        this.checkStrings(item, `${path}[${index}]`, depth + 1);
      });
      return;
    }
    if (isPlainObject(value)) {
      const keys = Object.keys(value);
      if (keys.length > this.limits.maxConditions) throw new BadQueryError('Too many keys', path);
      for (const key of keys) {
        if (hasControlCharacter(key) || key.length > 128) throw new BadQueryError('Invalid key', path);
        this.checkStrings(value[key], `${path}[${key}]`, depth + 1);
      }
    }
  }

  private checkLocale(locale: Json, locales: readonly string[]): void {
    if (typeof locale !== 'string' || !locales.includes(locale)) {
      throw new BadQueryError(`locale must be one of ${locales.join(', ')}`, 'locale');
    }
  }

  private checkPagination(pagination: Json): void {
    if (!isPlainObject(pagination)) throw new BadQueryError('pagination must be an object', 'pagination');
    const positive = (key: string, max: number) => {
      const raw = pagination[key];
      if (raw === undefined) return;
      if (typeof raw !== 'string' || !/^[1-9]\d{0,8}$/.test(raw) || Number(raw) > max) {
        throw new BadQueryError(`pagination[${key}] must be an integer from 1 to ${max}`, `pagination[${key}]`);
      }
    };
    positive('page', this.limits.maxPage);
    // Above maxLimit is clamped by Strapi; the bound here only keeps the number a number.
    positive('pageSize', this.limits.maxPage);
    positive('limit', this.limits.maxPage);
    const start = pagination.start;
    if (
      start !== undefined &&
      (typeof start !== 'string' || !/^\d{1,9}$/.test(start) || Number(start) > this.limits.maxStart)
    ) {
      throw new BadQueryError(
        `pagination[start] must be an integer from 0 to ${this.limits.maxStart}`,
        'pagination[start]',
      );
    }
    const withCount = pagination.withCount;
    if (withCount !== undefined && !['true', 'false'].includes(String(withCount))) {
      throw new BadQueryError('pagination[withCount] must be true or false', 'pagination[withCount]');
    }
  }

  private attributesOf(uid: string, path: string): Record<string, AttributeInfo> {
    const attributes = this.schema(uid);
    if (!attributes) throw new BadQueryError('Unknown model', path);
    return { ...attributes, ...SYSTEM_ATTRIBUTES };
  }

  private countCondition(path: string): void {
    this.conditions += 1;
    if (this.conditions > this.limits.maxConditions) {
      throw new BadQueryError(`A query may have at most ${this.limits.maxConditions} conditions`, path);
    }
  }

  /** `filters` (or a `$and`/`$or`/`$not` branch) of the model `uid`. */
  private checkFilters(uid: string, filters: Json, path: string, depth: number): void {
    if (depth > this.limits.maxDepth) throw new BadQueryError('Filters are nested too deeply', path);
    const list = Array.isArray(filters) ? filters : undefined;
    if (list) {
      list.forEach((item, index) => {
        this.checkFilters(uid, item, `${path}[${index}]`, depth + 1);
      });
      return;
    }
    if (!isPlainObject(filters)) throw new BadQueryError('Filters must be an object', path);
    const attributes = this.attributesOf(uid, path);

    for (const [key, value] of Object.entries(filters)) {
      const at = `${path}[${key}]`;
      if (key === '$and' || key === '$or') {
        const branches = asList(value);
        if (!branches || branches.length === 0) throw new BadQueryError(`${key} must be a list of conditions`, at);
        if (branches.length > this.limits.maxArrayLength) throw new BadQueryError(`${key} has too many branches`, at);
        branches.forEach((branch, index) => {
          this.checkFilters(uid, branch, `${at}[${index}]`, depth + 1);
        });
      } else if (key === '$not') {
        this.checkFilters(uid, value, at, depth + 1);
      } else if (key.startsWith('$')) {
        throw new BadQueryError(`Unknown operator ${key}`, at);
      } else {
        const attribute = attributes[key];
        // Unknown and private keys: Strapi's own validation answers 400 with the key's name.
        if (!attribute || attribute.private) continue;
        this.checkAttributeFilter(attribute, value, at, depth + 1);
      }
    }
  }

  private checkAttributeFilter(attribute: AttributeInfo, value: Json, path: string, depth: number): void {
    if (depth > this.limits.maxDepth) throw new BadQueryError('Filters are nested too deeply', path);
    switch (attribute.type) {
      case 'relation':
        if (!attribute.target) throw new BadQueryError('This relation cannot be filtered', path);
        this.checkFilters(attribute.target, value, path, depth);
        return;
      case 'media':
        this.checkFilters('plugin::upload.file', value, path, depth);
        return;
      case 'component':
        if (!attribute.component) throw new BadQueryError('This component cannot be filtered', path);
        this.checkFilters(attribute.component, value, path, depth);
        return;
      default:
        break;
    }
    const kind = this.scalarKind(attribute.type);
    if (!kind) throw new BadQueryError(`Fields of type ${attribute.type} cannot be filtered`, path);

    // `filters[slug]=x` means `$eq`.
    if (!isPlainObject(value)) {
      this.checkOperand(kind, '$eq', value, path);
      return;
    }
    for (const [operator, operand] of Object.entries(value)) {
      const at = `${path}[${operator}]`;
      if (operator === '$and' || operator === '$or') {
        const branches = asList(operand);
        if (!branches || branches.length === 0 || branches.length > this.limits.maxArrayLength) {
          throw new BadQueryError(`${operator} must be a list of conditions`, at);
        }
        branches.forEach((branch, index) => {
          this.checkAttributeFilter(attribute, branch, `${at}[${index}]`, depth + 1);
        });
      } else if (operator === '$not') {
        this.checkAttributeFilter(attribute, operand, at, depth + 1);
      } else {
        this.checkOperand(kind, operator, operand, at);
      }
    }
  }

  private scalarKind(type: string): 'text' | 'integer' | 'number' | 'date' | 'boolean' | undefined {
    if (TEXT_TYPES.has(type)) return 'text';
    if (INTEGER_TYPES.has(type)) return 'integer';
    if (NUMBER_TYPES.has(type)) return 'number';
    if (DATE_TYPES.has(type)) return 'date';
    if (type === 'boolean') return 'boolean';
    return undefined;
  }

  private checkOperand(
    kind: NonNullable<ReturnType<QueryValidator['scalarKind']>>,
    operator: string,
    operand: Json,
    path: string,
  ): void {
    this.countCondition(path);
    if (NULL_OPERATORS.has(operator)) {
      if (!['true', 'false'].includes(String(operand)))
        throw new BadQueryError(`${operator} takes true or false`, path);
      return;
    }
    if (TEXT_ONLY_OPERATORS.has(operator) && kind !== 'text') {
      throw new BadQueryError(`${operator} only applies to text fields`, path);
    }
    let values: Json[];
    if (LIST_OPERATORS.has(operator) || operator === '$eq' || operator === '$ne') {
      values = asList(operand) ?? [operand];
      if (values.length === 0 || values.length > this.limits.maxArrayLength) {
        throw new BadQueryError(`${operator} takes 1 to ${this.limits.maxArrayLength} values`, path);
      }
    } else if (operator === '$between') {
      values = asList(operand) ?? [];
      if (values.length !== 2) throw new BadQueryError('$between takes exactly two values', path);
    } else if (SCALAR_OPERATORS.has(operator)) {
      values = [operand];
    } else {
      throw new BadQueryError(`Unknown operator ${operator}`, path);
    }
    for (const item of values) {
      if (typeof item !== 'string') throw new BadQueryError(`${operator} takes plain values`, path);
      this.checkScalar(kind, item, path);
    }
  }

  private checkScalar(kind: 'text' | 'integer' | 'number' | 'date' | 'boolean', value: string, path: string): void {
    switch (kind) {
      case 'integer':
        if (!/^-?\d{1,10}$/.test(value) || Math.abs(Number(value)) > INT32_MAX) {
          throw new BadQueryError('Expected an integer', path);
        }
        return;
      case 'number':
        if (!/^-?\d{1,15}(\.\d{1,15})?$/.test(value)) throw new BadQueryError('Expected a number', path);
        return;
      case 'boolean':
        if (!['true', 'false', '1', '0'].includes(value)) throw new BadQueryError('Expected true or false', path);
        return;
      default:
        // Text is any string (length and control characters checked above); Strapi validates dates.
        return;
    }
  }

  private populateTooDeep(path: string): BadQueryError {
    return new BadQueryError(`populate may go at most ${this.limits.maxPopulateDepth} levels deep`, path);
  }

  /**
   * `populate` at `level` (1 for the query's own): not deeper than maxPopulateDepth in any of
   * its spellings ('*', 'a,b.c', a list of names, or objects with their own `populate`), and
   * the `filters` each populated relation may carry, to that depth.
   */
  private checkPopulate(uid: string | undefined, populate: Json, path: string, level: number): void {
    if (level > this.limits.maxPopulateDepth) throw this.populateTooDeep(path);
    const names = typeof populate === 'string' ? populate.split(',') : asList(populate);
    if (names) {
      for (const name of names) {
        // A dotted name ('category.articles') populates one level per segment.
        if (typeof name === 'string' && level - 1 + name.split('.').length > this.limits.maxPopulateDepth)
          throw this.populateTooDeep(path);
      }
      return; // Names only: Strapi checks them.
    }
    if (!isPlainObject(populate)) return;
    const attributes = uid ? this.schema(uid) : undefined;
    for (const [key, options] of Object.entries(populate)) {
      if (!isPlainObject(options)) continue;
      const attribute = attributes?.[key];
      const target =
        attribute?.type === 'relation'
          ? attribute.target
          : attribute?.type === 'media'
            ? 'plugin::upload.file'
            : attribute?.type === 'component'
              ? attribute.component
              : undefined;
      const at = `${path}[${key}]`;
      if ('filters' in options && target) this.checkFilters(target, options.filters, `${at}[filters]`, level);
      if ('populate' in options) this.checkPopulate(target, options.populate, `${at}[populate]`, level + 1);
      // Dynamic zones: `on[component][populate]`.
      if (isPlainObject(options.on)) {
        for (const [component, branch] of Object.entries(options.on)) {
          if (isPlainObject(branch) && 'populate' in branch)
            this.checkPopulate(component, branch.populate, `${at}[on][${component}][populate]`, level + 1);
        }
      }
    }
  }
}
