/**
 * Japanese for the offline evaluator's explanations (analysis/evaluate: decision reasons,
 * condition verdicts, assumptions), shown by `iam-policy-lint simulate` and `test`. The evaluator
 * stays locale-neutral (English, like findings); these patterns translate its sentences where they
 * are shown. Keys, values, ARNs, file names and operator names pass through. Terms: docs/glossary.ja.md.
 */
type Tr = (s: string) => string;

const PRINCIPALS: Record<string, string> = {
  anonymous: '匿名',
  service: 'サービス',
  federated: 'フェデレーション',
  canonicaluser: '正規ユーザー',
};

/** One sentence -> Japanese (`tr` translates the parts that are sentences themselves). */
export const EVALUATE_PATTERNS_JA: [RegExp, (m: RegExpMatchArray, tr: Tr) => string][] = [
  // statements as the evaluator and the CLI name them
  [/^statement "(.*)" of (.+)$/s, (m) => `${m[2]} のステートメント "${m[1]}"`],
  [/^statement #(\d+) of (.+)$/s, (m) => `${m[2]} のステートメント #${m[1]}`],
  [/^the statement of (.+)$/s, (m) => `${m[1]} のステートメント`],
  [/^statement ("[^"]*"|#\d+) \((.+)\)$/s, (m) => `ステートメント ${m[1]} (${m[2]})`],
  [/^statement \((.+)\)$/s, (m) => `ステートメント (${m[1]})`],
  // decisions
  [/^explicitly denied by (.+)$/s, (m, tr) => `${tr(m[1])} で明示的に拒否されています`],
  [
    /^allowed by (.+) \(granted to the role, within its boundary and session policy\)$/s,
    (m, tr) => `${tr(m[1])} で許可されています (ロールに付与され、そのアクセス許可の境界とセッションポリシーの範囲内)`,
  ],
  [/^allowed by (statement .+?) and (statement .+)$/s, (m, tr) => `${tr(m[1])} と ${tr(m[2])} で許可されています`],
  [/^allowed by (.+)$/s, (m, tr) => `${tr(m[1])} で許可されています`],
  [
    /^no service control policy at (.+) allows the action$/s,
    (m) => `${m[1]} のサービスコントロールポリシー (SCP) はどれもこのアクションを許可していません`,
  ],
  [/^no service control policy allows the action$/, () => 'このアクションを許可するサービスコントロールポリシー (SCP) がありません'],
  [
    /^no resource control policy at (.+) allows the action$/s,
    (m) => `${m[1]} のリソースコントロールポリシー (RCP) はどれもこのアクションを許可していません`,
  ],
  [/^no resource control policy allows the action$/, () => 'このアクションを許可するリソースコントロールポリシー (RCP) がありません'],
  [
    /^no resource-based policy allows the (\w+) principal$/,
    (m) => `${PRINCIPALS[m[1]] ?? m[1]} プリンシパルを許可するリソースベースのポリシーがありません`,
  ],
  [/^the permissions boundary does not allow the action$/, () => 'アクセス許可の境界がこのアクションを許可していません'],
  [/^the session policy does not allow the action$/, () => 'セッションポリシーがこのアクションを許可していません'],
  [
    /^cross-account request \(principal in (\S+), resource in (\S+)\): no resource-based policy allows it$/,
    (m) => `クロスアカウントのリクエストです (プリンシパルは ${m[1]}、リソースは ${m[2]}): 許可するリソースベースのポリシーがありません`,
  ],
  [
    /^cross-account request: the resource-based policy allows it, but no identity-based policy of account (\S+) does$/,
    (m) =>
      `クロスアカウントのリクエストです: リソースベースのポリシーは許可していますが、アカウント ${m[1]} のアイデンティティベースのポリシーは許可していません`,
  ],
  [/^no identity-based policy allows the action$/, () => 'このアクションを許可するアイデンティティベースのポリシーがありません'],
  [/^no policy allows the action \(implicit deny\)$/, () => 'このアクションを許可するポリシーがありません (暗黙的な拒否)'],
  // assumptions
  [
    /^the principal's identity-based policies allow the request \(no identity policy was given\)$/,
    () =>
      'プリンシパルのアイデンティティベースのポリシーがリクエストを許可すると仮定しました (アイデンティティポリシーが指定されていません)',
  ],
  // condition verdicts
  [
    /^unknown condition operator (\S+): the condition never matches \(AWS rejects the policy\)$/,
    (m) => `不明な条件演算子 ${m[1]} です: 条件は一致しません (AWS はこのポリシーを拒否します)`,
  ],
  [
    /^the condition values are computed by the template: unknown offline, treated as not matching$/,
    () => '条件の値はテンプレートで計算されます: オフラインでは不明なため、一致しないものとして扱います',
  ],
  [
    /^(\S+) is (present|absent); Null (.+) (holds|does not hold)$/s,
    (m) =>
      `${m[1]} は${m[2] === 'present' ? 'あります' : 'ありません'}。Null ${m[3].replace(/ or /g, ' または ')} は${m[4] === 'holds' ? '成り立ちます' : '成り立ちません'}`,
  ],
  [
    /^(\S+) is (empty|absent): \.\.\.IfExists is true$/,
    (m) => `${m[1]} が${m[2] === 'empty' ? '空' : 'ありません'}: ...IfExists は true です`,
  ],
  [
    /^(\S+) is (empty|absent): ForAllValues is true$/,
    (m) => `${m[1]} が${m[2] === 'empty' ? '空' : 'ありません'}: ForAllValues は true です`,
  ],
  [
    /^(\S+) is (empty|absent): ForAnyValue is false$/,
    (m) => `${m[1]} が${m[2] === 'empty' ? '空' : 'ありません'}: ForAnyValue は false です`,
  ],
  [/^(\S+) is absent: a negated operator \((\S+)\) is true$/, (m) => `${m[1]} がありません: 否定の演算子 (${m[2]}) は true です`],
  [/^(\S+) is absent: the condition is false$/, (m) => `${m[1]} がありません: 条件は false です`],
  [
    /^(\S+) value (".*?") matches none of the values: (\S+) holds$/s,
    (m) => `${m[1]} の値 ${m[2]} はどの値にも一致しません: ${m[3]} は成り立ちます`,
  ],
  [/^(\S+) value (".*?") matches none of the values$/s, (m) => `${m[1]} の値 ${m[2]} はどの値にも一致しません`],
  [
    /^(\S+) value (".*?") matches (".*"): (\S+) does not hold$/s,
    (m) => `${m[1]} の値 ${m[2]} は ${m[3]} に一致します: ${m[4]} は成り立ちません`,
  ],
  [/^(\S+) value (".*?") matches (".*")$/s, (m) => `${m[1]} の値 ${m[2]} は ${m[3]} に一致します`],
  [/^every value of (\S+) \((.*)\) matches none of the values$/s, (m) => `${m[1]} のすべての値 (${m[2]}) がどの値にも一致しません`],
  [/^every value of (\S+) \((.*)\) matches a value$/s, (m) => `${m[1]} のすべての値 (${m[2]}) がいずれかの値に一致します`],
  [/^no value of (\S+) \((.*)\) is outside the values$/s, (m) => `${m[1]} の値 (${m[2]}) はどれも値の範囲外ではありません`],
  [/^no value of (\S+) \((.*)\) matches$/s, (m) => `${m[1]} の値 (${m[2]}) はどれも一致しません`],
  [
    /^(\S+) (.*) matches none of (.*?)(?:: (\S+) is true)?$/s,
    (m) => `${m[1]} ${m[2]} は ${m[3] === '(no values)' ? '(値なし)' : m[3]} のどれにも一致しません${m[4] ? `: ${m[4]} は true です` : ''}`,
  ],
];

/** The Japanese of one evaluator sentence, or the sentence itself when no pattern knows it. */
export function evaluateSentenceJa(text: string): string {
  const tr: Tr = (s) => evaluateSentenceJa(s);
  for (const [re, fn] of EVALUATE_PATTERNS_JA) {
    const m = text.match(re);
    if (m) {
      return fn(m, tr);
    }
  }
  return text;
}
