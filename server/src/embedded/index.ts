/**
 * Finds policies embedded in infrastructure code, by language: CloudFormation/SAM templates in
 * YAML or JSON, Serverless Framework files, Terraform (HCL, OpenTofu, .tf.json), and AWS CDK apps
 * in TypeScript/JavaScript or Python (only files that import the CDK's IAM module). Returns
 * undefined for documents that are none of these, so plain JSON policies keep the direct path.
 */
import type { Tree } from 'web-tree-sitter';
import type { EmbeddedExtractor } from '../policy/policyFile';
import { assertBudget, readBudgetExpired } from '../syntax/budget';
import { parseJson } from '../syntax/parseJson';
import { extractCdk, importsCdkIam } from './cdk';
import { extractCloudFormation, extractCloudFormationManagedPolicies, isCloudFormationTemplate } from './cloudformation';
import type { CodeLanguage } from './codeTokens';
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

/** Language ids of the code hosts a CDK app is written in. */
export const CDK_LANGUAGES: Record<string, CodeLanguage> = {
  typescript: 'js',
  javascript: 'js',
  typescriptreact: 'js',
  javascriptreact: 'js',
  python: 'python',
};

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
      if (yaml && /^provider\s*:/m.test(text) && /iamRoleStatements|^\s+(statements|managedPolicies)\s*:/m.test(text)) {
        const found = extractServerless(parseYamlTree(text));
        if (found) {
          return found;
        }
      }
      if (!/AWS::|AWSTemplateFormatVersion/.test(text)) {
        return undefined;
      }
      const tree = yaml ? parseYamlTree(text) : parseJson(text);
      if (!isCloudFormationTemplate(tree.root)) {
        return undefined;
      }
      const managedPolicies = extractCloudFormationManagedPolicies(tree);
      return { tree, policies: extractCloudFormation(tree), ...(managedPolicies.length > 0 ? { managedPolicies } : {}) };
    }
    const code = CDK_LANGUAGES[languageId];
    if (code) {
      // every TypeScript or Python file of a workspace is opened: read only those that import aws_iam
      return importsCdkIam(text, code) ? extractCdk(text, code) : undefined;
    }
    if (TERRAFORM_LANGUAGES.has(languageId)) {
      const parser = options.terraform?.();
      // a huge file stops parsing when the read budget runs out (never without a budget)
      const tree = parser?.parse(text, null, { progressCallback: () => readBudgetExpired() });
      if (!tree) {
        assertBudget();
        return undefined;
      }
      // a name being typed on its own line (`act` in a statement block) makes the whole file an
      // error: read the file as if the word were not there, and still report the error
      let retried: Tree | null | undefined;
      if (tree.rootNode.hasError) {
        const blanked = text.replace(/^[ \t]*[A-Za-z_][\w-]*[ \t]*$/gm, (line) => ' '.repeat(line.length));
        retried = blanked !== text ? parser?.parse(blanked) : undefined;
        if (retried?.rootNode.hasError) {
          retried.delete();
          retried = undefined;
        }
      }
      try {
        return retried ? extractTerraform(retried, text, tree) : extractTerraform(tree, text);
      } finally {
        // the syntax tree lives in WebAssembly memory, which only grows: free it now that the JSON tree is built
        tree.delete();
        retried?.delete();
      }
    }
    return undefined;
  };
}
