// Small test helpers: an HTML tag-balance check and a CloudFormation intrinsic-function evaluator
// that shows what a template becomes for given parameter values.

const VOID_ELEMENTS = new Set(['meta', 'br', 'img', 'hr', 'input', 'link', 'area', 'base', 'col', 'wbr']);

/** Returns the problems found: unclosed, unexpected or misnested tags, unquoted attributes. */
export function htmlProblems(html: string): string[] {
  const problems: string[] = [];
  const open: string[] = [];
  for (const match of html.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>/g)) {
    const [, closing, rawName, attrs] = match;
    const name = rawName!.toLowerCase();
    if (/\s[a-z-]+=[^"'\s]/i.test(attrs!.replace(/"[^"]*"|'[^']*'/g, '""'))) problems.push(`unquoted attribute in <${name}${attrs}>`);
    if (VOID_ELEMENTS.has(name)) continue;
    if (!closing) open.push(name);
    else if (open.pop() !== name) problems.push(`misnested </${name}>`);
  }
  if (open.length > 0) problems.push(`unclosed: ${open.join(', ')}`);
  return problems;
}

/** What a reader sees: the body's text, tags removed and entities decoded. */
export function visibleText(html: string): string {
  return html
    .replace(/<head>[\s\S]*<\/head>/, '')
    .replace(/<\/?(bdi|span|b|strong|em)>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/[ \t\r\n]+/g, ' ')
    .trim();
}

export function countOccurrences(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
interface CfnTemplate {
  Parameters?: Record<string, { Default?: string | number }>;
  Conditions?: Record<string, Json>;
  Rules?: Record<string, { RuleCondition?: Json; Assertions: Array<{ Assert: Json; AssertDescription?: string }> }>;
  Resources: Record<string, { Type: string; Properties?: Record<string, Json> }>;
  Outputs?: Record<string, { Value: Json }>;
}

const NO_VALUE = Symbol('AWS::NoValue');

/**
 * Evaluates Ref, Fn::If, Fn::Equals, Fn::Not, Fn::And, Fn::Or, Fn::Join, Fn::Sub and Fn::GetAtt the
 * way CloudFormation would for the given parameters in eu-west-1, account 123456789012. References
 * to resources become `<Ref X>` / `<GetAtt X.Y>` strings.
 */
export function evaluateTemplate(template: CfnTemplate, parameters: Record<string, string> = {}) {
  const pseudo: Record<string, string> = {
    'AWS::Region': 'eu-west-1',
    'AWS::AccountId': '123456789012',
    'AWS::Partition': 'aws',
    'AWS::StackName': 'PasswordlessLogin',
    'AWS::URLSuffix': 'amazonaws.com',
  };
  for (const name of Object.keys(parameters)) {
    if (!template.Parameters?.[name]) throw new Error(`template has no parameter ${name}`);
  }
  const ref = (name: string): unknown => {
    if (name === 'AWS::NoValue') return NO_VALUE;
    if (name in pseudo) return pseudo[name];
    const parameter = template.Parameters?.[name];
    if (parameter) {
      const value = parameters[name] ?? parameter.Default;
      if (value === undefined) throw new Error(`parameter ${name} has no value`);
      // CloudFormation passes every parameter value as a string (a Number one too).
      return String(value);
    }
    if (name in template.Resources) return `<Ref ${name}>`;
    throw new Error(`unknown Ref ${name}`);
  };
  const conditionCache = new Map<string, boolean>();
  const condition = (name: string): boolean => {
    if (!conditionCache.has(name)) {
      const expression = template.Conditions?.[name];
      if (expression === undefined) throw new Error(`unknown condition ${name}`);
      conditionCache.set(name, evaluate(expression) as boolean);
    }
    return conditionCache.get(name)!;
  };
  const evaluate = (value: Json): unknown => {
    if (Array.isArray(value)) return value.map(evaluate).filter((v) => v !== NO_VALUE);
    if (value === null || typeof value !== 'object') return value;
    const keys = Object.keys(value);
    if (keys.length === 1) {
      const key = keys[0]!;
      const arg = value[key] as Json;
      switch (key) {
        case 'Ref':
          return ref(arg as string);
        case 'Condition':
          return condition(arg as string);
        case 'Fn::If': {
          const [name, whenTrue, whenFalse] = arg as [string, Json, Json];
          return condition(name) ? evaluate(whenTrue) : evaluate(whenFalse);
        }
        case 'Fn::Equals': {
          const [a, b] = (arg as Json[]).map(evaluate);
          return a === b;
        }
        case 'Fn::Not':
          return !evaluate((arg as Json[])[0]!);
        case 'Fn::And':
          return (arg as Json[]).every((c) => evaluate(c));
        case 'Fn::Or':
          return (arg as Json[]).some((c) => evaluate(c));
        case 'Fn::Join': {
          const [separator, parts] = arg as [string, Json[]];
          return (evaluate(parts) as unknown[]).join(separator);
        }
        case 'Fn::Sub':
          return (arg as string).replace(/\$\{([^}]+)\}/g, (_, name: string) => String(ref(name)));
        case 'Fn::GetAtt': {
          const [resource, attribute] = arg as [string, string];
          return `<GetAtt ${resource}.${attribute}>`;
        }
        default:
          if (key.startsWith('Fn::')) throw new Error(`evaluateTemplate does not know ${key}`);
      }
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const evaluated = evaluate(v);
      if (evaluated !== NO_VALUE) out[k] = evaluated;
    }
    return out;
  };
  const resources: Record<string, { Type: string; Properties: Record<string, unknown> }> = {};
  for (const [id, resource] of Object.entries(template.Resources)) {
    resources[id] = {
      Type: resource.Type,
      Properties: evaluate((resource.Properties ?? {}) as Json) as Record<string, unknown>,
    };
  }
  /** The AssertDescription of every rule assertion that fails: CloudFormation would refuse to deploy. */
  const failedRules: string[] = [];
  for (const [name, rule] of Object.entries(template.Rules ?? {})) {
    if (rule.RuleCondition !== undefined && !evaluate(rule.RuleCondition)) continue;
    for (const assertion of rule.Assertions) {
      if (!evaluate(assertion.Assert)) failedRules.push(assertion.AssertDescription ?? name);
    }
  }
  const outputs: Record<string, unknown> = {};
  for (const [id, output] of Object.entries(template.Outputs ?? {})) outputs[id] = evaluate(output.Value);
  return { resources, outputs, condition, failedRules };
}

/** The one resource of a type in an evaluated template. */
export function onlyResource(
  resources: Record<string, { Type: string; Properties: Record<string, unknown> }>,
  type: string,
): Record<string, unknown> {
  const found = Object.values(resources).filter((r) => r.Type === type);
  if (found.length !== 1) throw new Error(`expected one ${type}, found ${found.length}`);
  return found[0]!.Properties;
}
