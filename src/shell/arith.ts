// `$(( … ))` arithmetic: integers, + - * / % ** , comparisons, && || !, ?:, parentheses, variables, assignment.

export class ArithError extends Error {}

export function evalArith(expr: string, get: (name: string) => string | undefined, set: (name: string, value: string) => void): number {
  const toks = expr.match(/\s*(0[xX][0-9a-fA-F]+|\d+|[A-Za-z_][A-Za-z0-9_]*|\*\*|<<|>>|<=|>=|==|!=|&&|\|\||[-+*/%]=|[-+*/%()<>!~?:=&|^])/g) ?? [];
  const tokens = toks.map((t) => t.trim());
  if (tokens.join('').replace(/\s/g, '') !== expr.replace(/\s/g, '')) throw new ArithError(`arithmetic syntax error`);
  let i = 0;
  const peek = () => tokens[i];
  const next = () => tokens[i++];
  const value = (name: string): number => {
    const v = get(name);
    if (v === undefined || v === '') return 0;
    const n = Number(v.trim());
    return Number.isFinite(n) ? Math.trunc(n) : 0;
  };
  const levels: string[][] = [['||'], ['&&'], ['|'], ['^'], ['&'], ['==', '!='], ['<', '>', '<=', '>='], ['<<', '>>'], ['+', '-'], ['*', '/', '%']];
  const apply = (op: string, a: number, b: number): number => {
    switch (op) {
      case '||': return a || b ? 1 : 0;
      case '&&': return a && b ? 1 : 0;
      case '|': return a | b;
      case '^': return a ^ b;
      case '&': return a & b;
      case '==': return a === b ? 1 : 0;
      case '!=': return a !== b ? 1 : 0;
      case '<': return a < b ? 1 : 0;
      case '>': return a > b ? 1 : 0;
      case '<=': return a <= b ? 1 : 0;
      case '>=': return a >= b ? 1 : 0;
      case '<<': return a << b;
      case '>>': return a >> b;
      case '+': return a + b;
      case '-': return a - b;
      case '*': return a * b;
      case '/': if (b === 0) throw new ArithError('divide by zero'); return Math.trunc(a / b);
      case '%': if (b === 0) throw new ArithError('divide by zero'); return a % b;
      case '**': return a ** b;
    }
    throw new ArithError('arithmetic syntax error');
  };
  const assignment = (): number => {
    const t = peek();
    if (t && /^[A-Za-z_]/.test(t) && ['=', '+=', '-=', '*=', '/=', '%='].includes(tokens[i + 1])) {
      next();
      const op = next();
      const rhs = assignment();
      const v = op === '=' ? rhs : apply(op[0], value(t), rhs);
      set(t, String(v));
      return v;
    }
    return ternary();
  };
  const ternary = (): number => {
    const c = level(0);
    if (peek() === '?') {
      next();
      const a = assignment();
      if (next() !== ':') throw new ArithError('arithmetic syntax error');
      const b = assignment();
      return c ? a : b;
    }
    return c;
  };
  const level = (n: number): number => {
    if (n >= levels.length) return power();
    let a = level(n + 1);
    while (peek() !== undefined && levels[n].includes(peek())) {
      const op = next();
      a = apply(op, a, level(n + 1));
    }
    return a;
  };
  const power = (): number => {
    const a = unary();
    if (peek() === '**') {
      next();
      return apply('**', a, power());
    }
    return a;
  };
  const unary = (): number => {
    const t = next();
    if (t === undefined) throw new ArithError('arithmetic syntax error');
    if (t === '-') return -unary();
    if (t === '+') return unary();
    if (t === '!') return unary() ? 0 : 1;
    if (t === '~') return ~unary();
    if (t === '(') {
      const v = assignment();
      if (next() !== ')') throw new ArithError('arithmetic syntax error');
      return v;
    }
    if (/^\d/.test(t)) return t.length > 1 && t[0] === '0' && !/[xX]/.test(t) ? parseInt(t, 8) : Number(t);
    if (/^[A-Za-z_]/.test(t)) return value(t);
    throw new ArithError('arithmetic syntax error');
  };
  if (!tokens.length) return 0;
  const v = assignment();
  if (i < tokens.length) throw new ArithError('arithmetic syntax error');
  return v;
}
