import { SuiteQlError, type Expr, type SelectItem, type SelectStatement } from './ast.js';
import { tokenize, type Token } from './lexer.js';

/**
 * Recursive-descent parser for the SuiteQL subset the project uses:
 *
 *   select   := SELECT [DISTINCT] ( '*' | item {',' item} ) FROM table [[AS] alias]
 *               [WHERE expr] [ORDER BY order {',' order}] [FETCH FIRST n ROWS ONLY]
 *   item     := expr [[AS] name]
 *   expr     := and {OR and};  and := not {AND not};  not := NOT not | predicate
 *   predicate:= operand [ cmp operand | [NOT] IN '(' operand {',' operand} ')' | IS [NOT] NULL
 *               | [NOT] LIKE operand | [NOT] BETWEEN operand AND operand ]
 *   operand  := number | 'string' | '?' | NULL | '(' expr ')' | fn '(' [expr {',' expr}] ')' | [alias '.'] column
 *
 * Joins, sub-queries, GROUP BY and arithmetic are not part of the subset: they fail with a clear error.
 */
const RESERVED = new Set([
  'SELECT', 'FROM', 'WHERE', 'AND', 'OR', 'NOT', 'IN', 'IS', 'NULL', 'LIKE', 'BETWEEN', 'ORDER', 'BY', 'ASC', 'DESC',
  'AS', 'DISTINCT', 'FETCH', 'FIRST', 'ROWS', 'ROW', 'ONLY', 'JOIN', 'INNER', 'LEFT', 'RIGHT', 'OUTER', 'ON', 'GROUP',
  'HAVING', 'UNION',
]);
const UNSUPPORTED = new Set(['JOIN', 'INNER', 'LEFT', 'RIGHT', 'OUTER', 'GROUP', 'HAVING', 'UNION']);

class Parser {
  private i = 0;
  private params = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.i]!;
  }
  private next(): Token {
    return this.tokens[this.i++]!;
  }
  private isWord(upper: string, offset = 0): boolean {
    const t = this.tokens[this.i + offset];
    return t?.type === 'word' && t.upper === upper;
  }
  private isSymbol(value: string): boolean {
    const t = this.peek();
    return t.type === 'symbol' && t.value === value;
  }
  private fail(expected: string): never {
    const t = this.peek();
    const seen = t.type === 'end' ? 'the end of the query' : `${JSON.stringify('value' in t ? String(t.value) : '')} at position ${t.pos}`;
    if (t.type === 'word' && UNSUPPORTED.has(t.upper)) {
      throw new SuiteQlError(`${t.upper} is not supported by the emulator's SuiteQL subset (position ${t.pos}).`);
    }
    throw new SuiteQlError(`Expected ${expected} but found ${seen}.`);
  }
  private expectWord(upper: string): void {
    if (!this.isWord(upper)) this.fail(upper);
    this.i++;
  }
  private expectSymbol(value: string): void {
    if (!this.isSymbol(value)) this.fail(`'${value}'`);
    this.i++;
  }
  private identifier(what: string): string {
    const t = this.peek();
    if (t.type !== 'word' || RESERVED.has(t.upper)) this.fail(what);
    this.i++;
    return t.value.toLowerCase();
  }

  statement(): SelectStatement {
    this.expectWord('SELECT');
    const distinct = this.isWord('DISTINCT') ? (this.i++, true) : false;
    let columns: SelectItem[] | undefined;
    if (this.isSymbol('*')) this.i++;
    else {
      columns = [this.item()];
      while (this.isSymbol(',')) {
        this.i++;
        columns.push(this.item());
      }
    }
    this.expectWord('FROM');
    const table = this.identifier('a table name');
    let alias: string | undefined;
    if (this.isWord('AS')) this.i++;
    const t = this.peek();
    if (t.type === 'word' && !RESERVED.has(t.upper)) alias = this.identifier('an alias');
    let where: Expr | undefined;
    if (this.isWord('WHERE')) {
      this.i++;
      where = this.expr();
    }
    const orderBy: SelectStatement['orderBy'] = [];
    if (this.isWord('ORDER')) {
      this.i++;
      this.expectWord('BY');
      do {
        if (orderBy.length > 0) this.i++;
        const expr = this.operand();
        let descending = false;
        if (this.isWord('ASC')) this.i++;
        else if (this.isWord('DESC')) {
          this.i++;
          descending = true;
        }
        orderBy.push({ expr, descending });
      } while (this.isSymbol(','));
    }
    let fetchFirst: number | undefined;
    if (this.isWord('FETCH')) {
      this.i++;
      this.expectWord('FIRST');
      const n = this.next();
      if (n.type !== 'number' || !Number.isInteger(n.value)) this.fail('a row count');
      fetchFirst = (n as { value: number }).value;
      if (this.isWord('ROWS') || this.isWord('ROW')) this.i++;
      else this.fail('ROWS');
      this.expectWord('ONLY');
    }
    if (this.peek().type !== 'end') this.fail('the end of the query');
    return { distinct, columns, table, alias, where, orderBy, fetchFirst, paramCount: this.params };
  }

  private item(): SelectItem {
    const expr = this.expr();
    if (this.isWord('AS')) this.i++;
    const t = this.peek();
    if (t.type === 'word' && !RESERVED.has(t.upper)) return { expr, name: this.identifier('a column alias') };
    if (expr.kind === 'column') return { expr, name: expr.name };
    if (expr.kind === 'call') return { expr, name: 'expr' };
    return { expr, name: 'expr' };
  }

  expr(): Expr {
    let left = this.and();
    while (this.isWord('OR')) {
      this.i++;
      left = { kind: 'or', left, right: this.and() };
    }
    return left;
  }
  private and(): Expr {
    let left = this.not();
    while (this.isWord('AND')) {
      this.i++;
      left = { kind: 'and', left, right: this.not() };
    }
    return left;
  }
  private not(): Expr {
    if (this.isWord('NOT')) {
      this.i++;
      return { kind: 'not', expr: this.not() };
    }
    return this.predicate();
  }
  private predicate(): Expr {
    const left = this.operand();
    const t = this.peek();
    if (t.type === 'symbol' && ['=', '!=', '<>', '<', '<=', '>', '>='].includes(t.value)) {
      this.i++;
      const op = (t.value === '<>' ? '!=' : t.value) as '=' | '!=' | '<' | '<=' | '>' | '>=';
      return { kind: 'compare', op, left, right: this.operand() };
    }
    if (this.isWord('IS')) {
      this.i++;
      const negated = this.isWord('NOT') ? (this.i++, true) : false;
      this.expectWord('NULL');
      return { kind: 'isNull', expr: left, negated };
    }
    const negated = this.isWord('NOT') && (this.isWord('IN', 1) || this.isWord('LIKE', 1) || this.isWord('BETWEEN', 1));
    if (negated) this.i++;
    if (this.isWord('IN')) {
      this.i++;
      this.expectSymbol('(');
      if (this.isWord('SELECT')) throw new SuiteQlError("Sub-queries are not supported by the emulator's SuiteQL subset.");
      const list = [this.operand()];
      while (this.isSymbol(',')) {
        this.i++;
        list.push(this.operand());
      }
      this.expectSymbol(')');
      return { kind: 'in', expr: left, list, negated };
    }
    if (this.isWord('LIKE')) {
      this.i++;
      return { kind: 'like', expr: left, pattern: this.operand(), negated };
    }
    if (this.isWord('BETWEEN')) {
      this.i++;
      const low = this.operand();
      this.expectWord('AND');
      return { kind: 'between', expr: left, low, high: this.operand(), negated };
    }
    if (negated) this.fail('IN, LIKE or BETWEEN');
    return left;
  }
  private operand(): Expr {
    const t = this.next();
    if (t.type === 'number') return { kind: 'literal', value: t.value };
    if (t.type === 'string') return { kind: 'literal', value: t.value };
    if (t.type === 'symbol' && t.value === '?') return { kind: 'param', index: this.params++ };
    if (t.type === 'symbol' && t.value === '(') {
      if (this.isWord('SELECT')) throw new SuiteQlError("Sub-queries are not supported by the emulator's SuiteQL subset.");
      const inner = this.expr();
      this.expectSymbol(')');
      return inner;
    }
    if (t.type === 'word' && t.upper === 'NULL') return { kind: 'literal', value: null };
    if (t.type === 'word' && !RESERVED.has(t.upper)) {
      let name = t.value;
      let qualifier: string | undefined;
      if (this.isSymbol('.')) {
        this.i++;
        qualifier = name;
        const n = this.next();
        if (n.type !== 'word') {
          this.i--;
          this.fail('a column name');
        }
        name = n.value;
      }
      if (this.isSymbol('(')) {
        this.i++;
        const args: Expr[] = [];
        if (!this.isSymbol(')')) {
          args.push(this.isSymbol('*') ? (this.i++, { kind: 'literal', value: '*' }) : this.expr());
          while (this.isSymbol(',')) {
            this.i++;
            args.push(this.expr());
          }
        }
        this.expectSymbol(')');
        return { kind: 'call', name: (qualifier ? `${qualifier}.${name}` : name).toUpperCase(), args };
      }
      return { kind: 'column', table: qualifier?.toLowerCase(), name: name.toLowerCase() };
    }
    this.i--;
    return this.fail('a column, a value or a function');
  }
}

/** Parses one SELECT statement; throws SuiteQlError naming what it expected and where. */
export function parseSuiteQl(text: string): SelectStatement {
  if (text.trim() === '') throw new SuiteQlError('The query is empty.');
  return new Parser(tokenize(text)).statement();
}
