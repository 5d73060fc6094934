/**
 * YAML (CloudFormation and SAM templates) as the same JSON tree the JSON path uses, so the
 * policy model, rules, hover and completion work unchanged with exact offsets into the YAML.
 * Short-form intrinsics (`!Sub`, `!Ref`, `!GetAtt`, ...) become nodes marked as computed.
 */
import type * as YamlModule from 'yaml';
import type { Document, Node as YamlNode } from 'yaml';
import { ParseErrorCode } from 'jsonc-parser';
import { checkBudget, ReadBudgetExceeded } from '../syntax/budget';
import { MAX_DEPTH, type JsonNode, type JsonTree } from '../syntax/parseJson';
import type { YamlScalarStyle } from './stringJson';
import { YAML_UNREADABLE, yamlErrorMessage } from './yamlErrors';

export interface YamlJsonTree extends JsonTree {
  /** nodes whose value CloudFormation computes (`!Sub ...`, `!Ref x`), with the intrinsic's name */
  tagged: Map<JsonNode, string>;
  /** how each string scalar is written (block `|`, quoted, plain), to read JSON written inside it */
  styles: Map<JsonNode, YamlScalarStyle>;
}

let yamlModule: typeof YamlModule | undefined;

/** The yaml package, loaded with the first YAML document: at start-up it would be a large part of the server's load time. */
function yaml(): typeof YamlModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (yamlModule ??= require('yaml') as typeof YamlModule);
}

function rangeOf(node: YamlNode): { offset: number; length: number } {
  const [start, valueEnd] = node.range ?? [0, 0, 0];
  return { offset: start, length: Math.max(0, valueEnd - start) };
}

/**
 * The yaml library's parseDocument, token by token so that the read budget is checked while
 * lexing (the longest step of a huge file); the same options and the same first-document rule.
 */
function readDocument(text: string): Document.Parsed {
  const { Composer, Lexer, LineCounter, Parser, YAMLParseError } = yaml();
  const options = { keepSourceTokens: false, uniqueKeys: false, prettyErrors: false, strict: false } as const;
  const lineCounter = new LineCounter();
  const parser = new Parser(lineCounter.addNewLine);
  const composer = new Composer(options);
  function* tokens() {
    lineCounter.addNewLine(0);
    for (const lexeme of new Lexer().lex(text, false)) {
      checkBudget();
      yield* parser.next(lexeme);
    }
    yield* parser.end();
  }
  let doc: Document.Parsed | undefined;
  for (const next of composer.compose(tokens(), true, text.length)) {
    if (!doc) {
      doc = next;
    } else {
      doc.errors.push(new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', 'more than one document'));
      break;
    }
  }
  // compose(…, forceDoc) always yields a document at the end
  return doc!;
}

export function parseYamlTree(text: string): YamlJsonTree {
  const { isAlias, isMap, isScalar, isSeq } = yaml();
  const tagged = new Map<JsonNode, string>();
  const styles = new Map<JsonNode, YamlScalarStyle>();
  const errors: JsonTree['errors'] = [];
  let root: JsonNode | undefined;
  let deep: { offset: number; length: number }[] = [];
  try {
    const doc = readDocument(text);
    for (const e of doc.errors) {
      const [start, end] = e.pos;
      errors.push({
        offset: start,
        length: Math.max(1, end - start),
        code: ParseErrorCode.InvalidSymbol,
        message: yamlErrorMessage(e.code, e.message),
      });
    }
    const tooDeep: { offset: number; length: number }[] = [];
    const convert = (node: unknown, parent: JsonNode | undefined, depth = 0): JsonNode | undefined => {
      checkBudget();
      if ((isMap(node) || isSeq(node)) && depth >= MAX_DEPTH) {
        // kept empty past the depth limit (reported by json-syntax): nothing recurses further
        const out = {
          type: isMap(node) ? 'object' : 'array',
          ...rangeOf(node as YamlNode),
          parent,
          children: [] as JsonNode[],
        } as JsonNode;
        tooDeep.push({ offset: out.offset, length: out.length });
        return out;
      }
      if (isAlias(node)) {
        const r = rangeOf(node as YamlNode);
        return { type: 'string', value: `*${node.source}`, ...r, parent } as JsonNode;
      }
      if (isMap(node)) {
        const out = { type: 'object', ...rangeOf(node), parent, children: [] as JsonNode[] } as JsonNode;
        for (const pair of node.items) {
          const keyNode = pair.key as YamlNode | null;
          if (!keyNode || !isScalar(keyNode)) {
            continue;
          }
          const keyRange = rangeOf(keyNode);
          const valueNode = pair.value as YamlNode | null;
          const end = valueNode?.range ? valueNode.range[1] : keyRange.offset + keyRange.length;
          const property = {
            type: 'property',
            offset: keyRange.offset,
            length: end - keyRange.offset,
            parent: out,
            children: [] as JsonNode[],
          } as JsonNode;
          const key = { type: 'string', value: String(keyNode.value), ...keyRange, parent: property } as JsonNode;
          property.children!.push(key);
          const value = valueNode ? convert(valueNode, property, depth + 1) : undefined;
          property.children!.push(value ?? ({ type: 'null', value: null, offset: end, length: 0, parent: property } as JsonNode));
          out.children!.push(property);
        }
        markTag(node as YamlNode, out);
        return out;
      }
      if (isSeq(node)) {
        const out = { type: 'array', ...rangeOf(node), parent, children: [] as JsonNode[] } as JsonNode;
        for (const item of node.items) {
          const child = convert(item, out, depth + 1);
          if (child) {
            out.children!.push(child);
          }
        }
        markTag(node as YamlNode, out);
        return out;
      }
      if (isScalar(node)) {
        const v = node.value;
        const r = rangeOf(node);
        const type = typeof v === 'number' ? 'number' : typeof v === 'boolean' ? 'boolean' : v === null ? 'null' : 'string';
        const out = { type, value: type === 'string' ? String(v) : v, ...r, parent } as JsonNode;
        markTag(node, out);
        if (type === 'string' && node.type) {
          styles.set(out, node.type as YamlScalarStyle);
        }
        return out;
      }
      return undefined;
    };
    const markTag = (node: YamlNode, out: JsonNode) => {
      const tag = (node as { tag?: string }).tag;
      if (tag && tag.startsWith('!') && !tag.startsWith('!!')) {
        tagged.set(out, tag.slice(1));
      }
    };
    root = convert(doc.contents, undefined);
    deep = tooDeep;
  } catch (err) {
    if (err instanceof ReadBudgetExceeded) {
      throw err;
    }
    errors.push({
      offset: 0,
      length: 1,
      code: ParseErrorCode.InvalidSymbol,
      message: YAML_UNREADABLE,
    });
  }
  return {
    text,
    root,
    errors,
    comments: [],
    trailingCommas: [],
    hasBom: text.charCodeAt(0) === 0xfeff,
    tagged,
    styles,
    ...(deep.length > 0 ? { tooDeep: deep } : {}),
  };
}
