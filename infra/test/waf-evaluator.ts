// A small AWS WAF evaluator for the statements the stack's web ACL uses, so the tests can show what
// the rules do to real request bodies (and to tricks), not only how they are written. It follows the
// AWS WAF developer guide: text transformations in priority order, JSON body keys at every depth,
// a body that does not parse as JSON or that is larger than what WAF inspects (16 KB for Cognito)
// handled by InvalidFallbackBehavior / OversizeHandling, rate-based rules counted per aggregate key.

export interface WafRequest {
  ip: string;
  headers: Record<string, string>;
  body: string;
}

type Statement = Record<string, any>;
interface Rule {
  Name: string;
  Priority: number;
  Action: Record<string, any>;
  Statement: Statement;
}

/** What WAF inspects of a Cognito user pool request body by default. */
export const BODY_INSPECTION_LIMIT = 16 * 1024;

function jsDecode(text: string): string {
  return text.replace(/\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|[\s\S])/g, (_, escape: string) => {
    if (escape.startsWith('u{')) return String.fromCodePoint(parseInt(escape.slice(2, -1), 16));
    if (escape.startsWith('u') && escape.length === 5) return String.fromCharCode(parseInt(escape.slice(1), 16));
    if (escape.startsWith('x') && escape.length === 3) return String.fromCharCode(parseInt(escape.slice(1), 16));
    return ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', v: '\v', '0': '\0' } as Record<string, string>)[escape] ?? escape;
  });
}

function transform(value: string, transformations: Array<{ Priority: number; Type: string }> = []): string {
  return [...transformations]
    .sort((a, b) => a.Priority - b.Priority)
    .reduce((text, { Type }) => {
      switch (Type) {
        case 'NONE':
          return text;
        case 'LOWERCASE':
          return text.toLowerCase();
        case 'JS_DECODE':
          return jsDecode(text);
        default:
          throw new Error(`the evaluator does not know the text transformation ${Type}`);
      }
    }, value);
}

function jsonKeys(value: unknown, into: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) jsonKeys(item, into);
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      into.push(key);
      jsonKeys(item, into);
    }
  }
  return into;
}

type Field = { values: string[] } | { fallback: 'MATCH' | 'NO_MATCH' };

/** The values a FieldToMatch yields for a request, or the fallback WAF applies instead. */
function field(spec: Statement, request: WafRequest): Field {
  if (spec.SingleHeader) {
    const name = String(spec.SingleHeader.Name).toLowerCase();
    const found = Object.entries(request.headers).find(([key]) => key.toLowerCase() === name);
    return { values: found ? [found[1]] : [] };
  }
  const oversize = Buffer.byteLength(request.body) > BODY_INSPECTION_LIMIT;
  if (spec.Body) {
    if (oversize && spec.Body.OversizeHandling !== 'CONTINUE') return { fallback: spec.Body.OversizeHandling };
    return { values: [request.body.slice(0, BODY_INSPECTION_LIMIT)] };
  }
  if (spec.JsonBody) {
    const { MatchScope, MatchPattern, InvalidFallbackBehavior, OversizeHandling } = spec.JsonBody;
    if (oversize && OversizeHandling !== 'CONTINUE') return { fallback: OversizeHandling };
    if (!MatchPattern.All) throw new Error('the evaluator only knows MatchPattern All');
    if (MatchScope !== 'KEY') throw new Error('the evaluator only knows MatchScope KEY');
    let parsed: unknown;
    try {
      parsed = JSON.parse(request.body);
    } catch {
      if (InvalidFallbackBehavior === 'EVALUATE_AS_STRING') return { values: [request.body] };
      return { fallback: InvalidFallbackBehavior ?? 'NO_MATCH' };
    }
    return { values: jsonKeys(parsed) };
  }
  throw new Error(`the evaluator does not know the field ${Object.keys(spec)[0]}`);
}

function matches(statement: Statement, request: WafRequest): boolean {
  const [kind] = Object.keys(statement);
  const body = statement[kind!];
  switch (kind) {
    case 'AndStatement':
      return body.Statements.every((s: Statement) => matches(s, request));
    case 'OrStatement':
      return body.Statements.some((s: Statement) => matches(s, request));
    case 'NotStatement':
      return !matches(body.Statement, request);
    case 'ByteMatchStatement':
    case 'RegexMatchStatement': {
      const found = field(body.FieldToMatch, request);
      if ('fallback' in found) return found.fallback === 'MATCH';
      return found.values.some((raw) => {
        const value = transform(raw, body.TextTransformations);
        if (kind === 'RegexMatchStatement') return new RegExp(body.RegexString).test(value);
        const search = String(body.SearchString);
        switch (body.PositionalConstraint) {
          case 'EXACTLY':
            return value === search;
          case 'CONTAINS':
            return value.includes(search);
          case 'STARTS_WITH':
            return value.startsWith(search);
          case 'ENDS_WITH':
            return value.endsWith(search);
          default:
            throw new Error(`the evaluator does not know ${body.PositionalConstraint}`);
        }
      });
    }
    default:
      throw new Error(`the evaluator does not know ${kind}`);
  }
}

export interface WafDecision {
  /** The rule that decided, or undefined when the default action applied. */
  rule?: string;
  action: 'Allow' | 'Block';
  /** For a block with a custom response: status and parsed body. */
  status?: number;
  body?: unknown;
}

/**
 * A web ACL with its rate-based counters. `limits` gives each rate-based rule's Limit when the
 * template refers to a parameter. Counting ignores time: every request in one test falls in one
 * evaluation window.
 */
export class WebAclSimulator {
  private readonly counts = new Map<string, number>();

  constructor(
    private readonly acl: { Rules: Rule[]; DefaultAction: Record<string, unknown>; CustomResponseBodies?: Record<string, { Content: string }> },
    private readonly limits: Record<string, number> = {},
  ) {}

  decide(request: WafRequest): WafDecision {
    for (const rule of [...this.acl.Rules].sort((a, b) => a.Priority - b.Priority)) {
      if (!this.ruleMatches(rule, request)) continue;
      const [action] = Object.keys(rule.Action) as Array<'Allow' | 'Block'>;
      const custom = rule.Action[action!]?.CustomResponse;
      if (!custom) return { rule: rule.Name, action: action! };
      const content = this.acl.CustomResponseBodies?.[custom.CustomResponseBodyKey]?.Content;
      return { rule: rule.Name, action: action!, status: custom.ResponseCode, body: content ? JSON.parse(content) : undefined };
    }
    return { action: Object.keys(this.acl.DefaultAction)[0] as 'Allow' | 'Block' };
  }

  private ruleMatches(rule: Rule, request: WafRequest): boolean {
    const rate = rule.Statement.RateBasedStatement;
    if (!rate) return matches(rule.Statement, request);
    if (rate.ScopeDownStatement && !matches(rate.ScopeDownStatement, request)) return false;
    const key: string[] = [rule.Name];
    for (const custom of rate.CustomKeys ?? []) {
      if (custom.IP) key.push(request.ip);
      else if (custom.Header) {
        const found = field({ SingleHeader: { Name: custom.Header.Name } }, request) as { values: string[] };
        // WAF does not count a request that lacks one of the keys.
        if (found.values.length === 0) return false;
        key.push(transform(found.values[0]!, custom.Header.TextTransformations));
      } else throw new Error(`the evaluator does not know the aggregate key ${Object.keys(custom)[0]}`);
    }
    const limit = typeof rate.Limit === 'number' ? rate.Limit : this.limits[rule.Name];
    if (limit === undefined) throw new Error(`no limit for ${rule.Name}`);
    const id = key.join('\u0000');
    const count = (this.counts.get(id) ?? 0) + 1;
    this.counts.set(id, count);
    return count > limit;
  }
}
