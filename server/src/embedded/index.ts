/**
 * Finds policies embedded in infrastructure code, by language: CloudFormation/SAM templates in
 * YAML or JSON, and Terraform. Returns undefined for documents that are neither, so plain JSON
 * policies keep the direct path.
 */
import type { Tree } from 'web-tree-sitter';
import type { EmbeddedExtractor } from '../policy/policyFile';
import { parseJson } from '../syntax/parseJson';
import { extractCloudFormation, isCloudFormationTemplate } from './cloudformation';
import { extractTerraform } from './terraform';
import { parseYamlTree } from './yamlTree';

export interface TerraformParser {
  parse(text: string): Tree | null;
}

export const TERRAFORM_LANGUAGES = new Set(['terraform', 'hcl', 'tf', 'terraform-vars']);

export function createEmbeddedExtractor(options: { terraform?: () => TerraformParser | undefined } = {}): EmbeddedExtractor {
  return (text, languageId) => {
    const yaml = languageId === 'yaml' || languageId === 'cloudformation';
    if (yaml || languageId === 'json' || languageId === 'jsonc') {
      // cheap pre-check: a template names its resources' types
      if (!/AWS::|AWSTemplateFormatVersion/.test(text)) {
        return undefined;
      }
      const tree = yaml ? parseYamlTree(text) : parseJson(text);
      return isCloudFormationTemplate(tree.root) ? { tree, policies: extractCloudFormation(tree) } : undefined;
    }
    if (TERRAFORM_LANGUAGES.has(languageId)) {
      const parser = options.terraform?.();
      const tree = parser?.parse(text);
      return tree ? extractTerraform(tree, text) : undefined;
    }
    return undefined;
  };
}
