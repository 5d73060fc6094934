import { defineRule } from '../ruleApi';
import { statementStrings } from '../helpers';

/** IAM accepts U+0009, U+000A, U+000D and U+0020 to U+00FF in policy text. */
const OUTSIDE = /[^\t\n\r\u0020-\u00ff]/;

export default defineRule({
  id: 'invalid-characters',
  meta: {
    description: 'A value contains characters that IAM does not accept in policies.',
    category: 'syntax',
    defaultSeverity: 'error',
    messages: { character: '"{{char}}" (U+{{code}}) is not allowed in IAM policies: only tab, line breaks and U+0020 to U+00FF are.' },
  },
  check({ policy, report }) {
    const strings = policy.statements.flatMap((s) => [...(s.sid ? [s.sid] : []), ...statementStrings(s)]);
    if (policy.id) {
      strings.push(policy.id);
    }
    for (const s of strings) {
      const m = OUTSIDE.exec(s.value);
      if (m) {
        const code = (m[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
        report({ messageId: 'character', at: s, data: { char: m[0], code } });
      }
    }
  },
});
