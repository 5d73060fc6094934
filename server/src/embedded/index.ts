/**
 * Finds policies embedded in infrastructure code, by language: CloudFormation/SAM templates in
 * YAML or JSON, Serverless Framework files, and Terraform (HCL, OpenTofu, .tf.json). Returns undefined for documents that are neither, so plain JSON
 * policies keep the direct path.
 */
import type { Tree } from 'web-tree-sitter';
import type { EmbeddedExtractor } from '../policy/policyFile';
import { assertBudget, readBudgetExpired } from '../syntax/budget';
import { parseJson } from '../syntax/parseJson';
import { extractCloudFormation, isCloudFormationTemplate } from './cloudformation';
import { extractServerless } from './serverless';
import { extractTerraform } from './terraform';
import { extractTerraformJson } from './terraformJson';
import { parseYamlTree } from './yamlTree';

export interface TerraformParser {
  /** tree-sitter's parse; the progress callback cancels it by returning true (it then returns null) */
  parse(text: string, oldTree?: null, options?: { progressCallback?: (state: { currentOffset: number }) => boolean }): Tree | null;
}

/** Language ids of HCL documents: Terraform, OpenTofu (`.tofu`), plain HCL. */
export const TERRAFORM_LANGUAGES = new Set(['terraform', 'hcl', 'tf', 'terraform-vars', 'opentofu', 'tofu']);

/** Terraform's JSON syntax (`.tf.json`, `.tofu.json`): a root with `resource` or `data` blocks of AWS types. */
const TERRAFORM_JSON = /"(resource|data)"\s*:\s*[{[][\s\S]*?"aws_/;

export function createEmbeddedExtractor(options: { terraform?: () => TerraformParser | undefined } = {}): EmbeddedExtractor {
  return (text, languageId) => {
    const yaml = languageId === 'yaml' || languageId === 'cloudformation';
    if (yaml || languageId === 'json' || languageId === 'jsonc') {
      // cheap pre-check: a template names its resources' types
      if (!yaml && TERRAFORM_JSON.test(text)) {
        const tree = parseJson(text);
        const found = extractTerraformJson(tree);
        if (found) {
          return found;
        }
      }
      if (yaml && /^provider\s*:/m.test(text) && /iamRoleStatements|^\s+statements\s*:/m.test(text)) {
        const found = extractServerless(parseYamlTree(text));
        if (found) {
          return found;
        }
      }
      if (!/AWS::|AWSTemplateFormatVersion/.test(text)) {
        return undefined;
      }
      const tree = yaml ? parseYamlTree(text) : parseJson(text);
      return isCloudFormationTemplate(tree.root) ? { tree, policies: extractCloudFormation(tree) } : undefined;
    }
    if (TERRAFORM_LANGUAGES.has(languageId)) {
      const parser = options.terraform?.();
      // a huge file stops parsing when the read budget runs out (never without a budget)
      const tree = parser?.parse(text, null, { progressCallback: () => readBudgetExpired() });
      if (!tree) {
        assertBudget();
        return undefined;
      }
      try {
        return extractTerraform(tree, text);
      } finally {
        // the syntax tree lives in WebAssembly memory, which only grows: free it now that the JSON tree is built
        tree.delete();
      }
    }
    return undefined;
  };
}
