/**
 * Japanese for the English phrases that rules and shared helpers put into a finding's data
 * (`{{why}}`, `{{scope}}`, `{{consequence}}`...), so a Japanese message has no English prose
 * inside. Values the user wrote (actions, keys, ARNs) are never in these tables and pass through.
 */

/** Whole values, by exact English text. */
export const EXACT_JA: Record<string, string> = {
  // element-not-allowed: why
  'the principal is whoever the policy is attached to; use a resource policy or trust policy to name principals':
    'プリンシパルはポリシーがアタッチされた ID です。プリンシパルを指定するにはリソースベースのポリシーか信頼ポリシーを使用してください',
  'the principal is whoever the policy is attached to': 'プリンシパルはポリシーがアタッチされた ID です',
  'an SCP applies to the accounts it is attached to; use aws:PrincipalArn conditions instead':
    'SCP はアタッチされたアカウントに適用されます。代わりに aws:PrincipalArn の条件を使用してください',
  'the resource of a trust policy is the role itself': '信頼ポリシーのリソースはロール自体です',
  'role trust policies do not support NotPrincipal': 'ロールの信頼ポリシーは NotPrincipal をサポートしていません',
  'RCPs do not support NotPrincipal': 'RCP は NotPrincipal をサポートしていません',
  'RCPs do not support NotAction': 'RCP は NotAction をサポートしていません',
  'remove it': '削除してください',
  // policy type names (element-not-allowed, missing-principal, missing-resource)
  'identity policy': 'アイデンティティベースのポリシー',
  'resource policy': 'リソースベースのポリシー',
  'role trust policy': 'ロールの信頼ポリシー',
  'service control policy': 'サービスコントロールポリシー (SCP)',
  'resource control policy': 'リソースコントロールポリシー (RCP)',
  identity: 'アイデンティティベースのポリシー',
  resource: 'リソースベースのポリシー',
  SCP: 'サービスコントロールポリシー (SCP)',
  RCP: 'リソースコントロールポリシー (RCP)',
  // dependent-actions: when (the message adds "ために")
  'to give the function its execution role': '関数に実行ロールを与える',
  'to launch instances with an instance profile (role)': 'インスタンスプロファイル (ロール) 付きでインスタンスを起動する',
  'to run tasks whose definition has a task role or task execution role':
    'タスクロールまたはタスク実行ロールを持つタスク定義のタスクを実行する',
  'to start tasks whose definition has a task role or task execution role':
    'タスクロールまたはタスク実行ロールを持つタスク定義のタスクを開始する',
  'to create stacks with a service role': 'サービスロール付きでスタックを作成する',
  'to create rules whose actions use a role': 'アクションでロールを使うルールを作成する',
  'to replace rules whose actions use a role': 'アクションでロールを使うルールを置き換える',
  // oidc-sub-claim-order: first
  'a wildcard': 'ワイルドカード',
  // empty-value: consequence
  'this statement applies to nothing.': 'このステートメントは何にも適用されません。',
  'remove it.': '削除してください。',
  'it matches nothing.': '何にも一致しません。',
  'no value can match.': 'どの値も一致しません。',
  // wrong-type: JSON type names and what was expected
  null: 'null',
  object: 'オブジェクト',
  array: '配列',
  string: '文字列',
  number: '数値',
  boolean: 'ブール値',
  'a string': '文字列',
  'an object or an array of objects': 'オブジェクトまたはオブジェクトの配列',
  'a string or an array of strings': '文字列または文字列の配列',
  '"*" or an object such as {"AWS": [...]}': '"*" または {"AWS": [...]} のようなオブジェクト',
  'an object of operators': '演算子をキーとするオブジェクト',
  'an object of condition keys': '条件キーをキーとするオブジェクト',
  // if-exists-trap: absent
  'for example requests made through a VPC endpoint or by an AWS service': '例えば VPC エンドポイント経由や AWS のサービスからのリクエスト',
  'requests that do not come from a service on your behalf': 'サービスがあなたに代わって送ったのではないリクエスト',
  'requests that do not carry it': 'このキーを含まないリクエスト',
  // oidc-trust-without-sub
  ' such as "repo:my-org/my-repo:ref:refs/heads/main"': ' (例: "repo:my-org/my-repo:ref:refs/heads/main")',
  'any repository (of any owner) can assume this role': '(どの所有者の) どのリポジトリでもこのロールを引き受けられます',
  'every repository or every branch matches': 'すべてのリポジトリまたはすべてのブランチが一致します',
  'your client ID': 'クライアント ID',
  '"sts.amazonaws.com"': '"sts.amazonaws.com"',
  // passrole-star, permissions-management, privilege-escalation: scope
  ' matching the pattern': ' (パターンに一致するもの)',
  'every resource': 'すべてのリソース',
  'every resource of its type': 'その種類のすべてのリソース',
  ' (limited to the named resources)': ' (指定したリソースに限る)',
  s: '',
  // policy-size
  ' without whitespace': '空白を除いて',
  'managed policies (inline policies: 2,048 per user, 5,120 per group, 10,240 per role in total)':
    '管理ポリシー (インラインポリシーは合計でユーザーごとに 2,048、グループごとに 5,120、ロールごとに 10,240)',
  'role trust policies (the default quota; it can be raised to 4,096)':
    'ロールの信頼ポリシー (デフォルトのクォータ。4,096 まで引き上げ可能)',
  'S3 bucket policies (SQS: 8,192; other services differ)': 'S3 バケットポリシー (SQS は 8,192。他のサービスは異なります)',
  'service control policies, where every character counts': 'サービスコントロールポリシー (すべての文字が数えられます)',
  'resource control policies, where every character counts': 'リソースコントロールポリシー (すべての文字が数えられます)',
  // public-principal
  'anyone, including anonymous users,': '匿名ユーザーを含む誰もが ',
  // resource-effectively-star
  ' and Region': 'とリージョン',
  // resource-type-mismatch: verb
  grant: '許可',
  deny: '拒否',
  // unknown-action: article
  a: '',
  an: '',
  // variable-requires-version
  'this policy has no Version': 'このポリシーには Version がありません',
  // whitespace-in-value
  'leading and trailing': '先頭と末尾',
  leading: '先頭',
  trailing: '末尾',
  // data-exfiltration
  objects: 'オブジェクト',
  'encrypted data': '暗号化されたデータ',
  'parameters and secrets': 'パラメータとシークレット',
  // json-syntax: the parser's messages
  'Unexpected character.': '予期しない文字です。',
  'Invalid number.': '無効な数値です。',
  'Expected a property name in double quotes.': 'ダブルクォートで囲んだプロパティ名が必要です。',
  'Expected a value.': '値が必要です。',
  "Expected ':' after the property name.": "プロパティ名の後に ':' が必要です。",
  "Expected ',' between elements.": "要素の間に ',' が必要です。",
  "Expected '}' to close the object.": "オブジェクトを閉じる '}' が必要です。",
  "Expected ']' to close the array.": "配列を閉じる ']' が必要です。",
  'Unexpected content after the end of the policy: a policy is exactly one JSON object.':
    'ポリシーの終わりの後に余分な内容があります。ポリシーはちょうど 1 つの JSON オブジェクトです。',
  'Invalid comment.': '無効なコメントです。',
  'Unterminated comment.': 'コメントが閉じられていません。',
  'Unterminated string: a closing double quote is missing.': '文字列が閉じられていません。閉じるダブルクォートがありません。',
  'Unexpected end of number.': '数値が途中で終わっています。',
  'Invalid unicode escape sequence.': '無効な Unicode エスケープシーケンスです。',
  'Invalid escape character in string.': '文字列に無効なエスケープ文字があります。',
  'Invalid character in string (control characters must be escaped).':
    '文字列に無効な文字があります (制御文字はエスケープする必要があります)。',
  'Invalid JSON.': '無効な JSON です。',
  'Terraform syntax error.': 'Terraform の構文エラーです。',
  // the YAML reader's messages (embedded/yamlErrors.ts: one per error code of the yaml library)
  'An alias cannot have an anchor or a tag.': 'エイリアスにはアンカーもタグも付けられません。',
  'Invalid alias.': '無効なエイリアスです。',
  'This collection does not fit its tag.': 'このコレクションはタグに合いません。',
  'Invalid YAML directive.': '無効な YAML ディレクティブです。',
  'Invalid escape sequence in a double-quoted string.': 'ダブルクォートで囲んだ文字列に無効なエスケープシーケンスがあります。',
  'Bad indentation.': 'インデントが正しくありません。',
  'An anchor or a tag must come before the value.': 'アンカーやタグは値の前に書く必要があります。',
  'A plain value cannot start with this character: quote the value.':
    'クォートなしの値はこの文字で始められません。値をクォートで囲んでください。',
  'A block collection cannot be a key.': 'ブロック形式のコレクションはキーにできません。',
  'A block collection cannot be inside a flow collection ([...] or {...}).':
    'ブロック形式のコレクションはフロー形式のコレクション ([...] や {...}) の中に書けません。',
  'Duplicate key.': 'キーが重複しています。',
  'The YAML could not be read here.': 'ここで YAML を読み込めませんでした。',
  'A closing character is missing (a quote, "]" or "}").': '閉じる文字 (クォート、"]"、"}") がありません。',
  'A key must be on a single line.': 'キーは 1 行に書く必要があります。',
  'A value can have only one anchor.': '1 つの値に付けられるアンカーは 1 つだけです。',
  'The file holds more than one YAML document: only the first is read.':
    'ファイルに複数の YAML ドキュメントがあります。最初のドキュメントだけを読み込みます。',
  'A value can have only one tag.': '1 つの値に付けられるタグは 1 つだけです。',
  'A key must be a string.': 'キーは文字列である必要があります。',
  'Too many aliases to expand.': '展開するエイリアスが多すぎます。',
  'A tab cannot be used for indentation: use spaces.': 'インデントにタブは使えません。スペースを使ってください。',
  'Unresolved tag.': '解決できないタグです。',
  'Unexpected content here.': 'ここに予期しない内容があります。',
  'All mapping items must start at the same column': 'マッピングの項目はすべて同じ列から始める必要があります',
  'All sequence items must start at the same column': 'シーケンスの項目はすべて同じ列から始める必要があります',
  'The YAML is not valid here.': 'ここの YAML は有効ではありません。',
  'The YAML could not be read.': 'YAML を読み込めませんでした。',
};

/** What a condition does, as the code lens and summaries say it (analysis/conditions.ts describeConditionKey). */
export const CONDITION_PHRASES_JA: Record<string, string> = {
  'MFA required': 'MFA 必須',
  'recent MFA required': '最近の MFA 必須',
  'source IP limited': '送信元 IP を制限',
  'VPC only': 'VPC のみ',
  'organization only': '組織内のみ',
  'own resources only': '自組織のリソースのみ',
  'specific principals': '特定のプリンシパル',
  'HTTPS only': 'HTTPS のみ',
  'time window': '期間を制限',
  'via AWS services': 'AWS のサービス経由',
  'source limited': '送信元を制限',
  'external ID required': '外部 ID 必須',
  'passed to a service': 'サービスに渡す場合のみ',
  'tagging limited': 'タグ付けを制限',
  'subject limited': 'サブジェクトを制限',
  'audience limited': 'オーディエンスを制限',
};

export const CONDITION_PATTERNS_JA: [RegExp, string][] = [
  [/^regions limited( \(\d+\))?$/, 'リージョンを制限$1'],
  [/^passed to (\S+?)( \(\d+\))?$/, '$1 に渡す場合のみ$2'],
  [/^tag (.+) required$/, 'タグ $1 必須'],
  [/^(\S+) absent$/, '$1 なし'],
  [/^(\S+) present$/, '$1 あり'],
];

/** Privilege-escalation methods (security.ts), replaced inside the `{{methods}}` list. */
export const ESCALATION_METHODS_JA: Record<string, string> = {
  'create a new default version of a managed policy': '管理ポリシーの新しいデフォルトバージョンを作成する',
  'switch a managed policy to an older version': '管理ポリシーを古いバージョンに切り替える',
  'create access keys for another user': '他のユーザーのアクセスキーを作成する',
  'create a console password for another user': '他のユーザーのコンソールパスワードを作成する',
  "change another user's console password": '他のユーザーのコンソールパスワードを変更する',
  'attach any managed policy to a user': '任意の管理ポリシーをユーザーにアタッチする',
  'attach any managed policy to a group': '任意の管理ポリシーをグループにアタッチする',
  'attach any managed policy to a role': '任意の管理ポリシーをロールにアタッチする',
  'write an inline policy on a user': 'ユーザーにインラインポリシーを書き込む',
  'write an inline policy on a group': 'グループにインラインポリシーを書き込む',
  'write an inline policy on a role': 'ロールにインラインポリシーを書き込む',
  'add a user to a more privileged group': 'より権限の強いグループにユーザーを追加する',
  'make a privileged role trust you': '権限の強いロールに自分を信頼させる',
  'pass a privileged role to a new EC2 instance': '権限の強いロールを新しい EC2 インスタンスに渡す',
  'pass a privileged role to a new Lambda function and invoke it': '権限の強いロールを新しい Lambda 関数に渡して呼び出す',
  'pass a privileged role to a new Lambda function triggered by DynamoDB':
    '権限の強いロールを DynamoDB がトリガーする新しい Lambda 関数に渡す',
  'pass a privileged role to a new Lambda function invoked by another service':
    '権限の強いロールを他のサービスが呼び出す新しい Lambda 関数に渡す',
  'replace the code of a function that runs with a privileged role': '権限の強いロールで動く関数のコードを置き換える',
  'add a malicious layer to a function with a privileged role': '権限の強いロールを持つ関数に悪意のあるレイヤーを追加する',
  'take over a Glue development endpoint with a privileged role': '権限の強いロールを持つ Glue 開発エンドポイントを乗っ取る',
  'pass a privileged role to a new Glue development endpoint': '権限の強いロールを新しい Glue 開発エンドポイントに渡す',
  'pass a privileged role to a CloudFormation stack': '権限の強いロールを CloudFormation スタックに渡す',
  'pass a privileged role to a Data Pipeline': '権限の強いロールを Data Pipeline に渡す',
  'pass a privileged role to a SageMaker notebook and open it': '権限の強いロールを SageMaker ノートブックに渡して開く',
  'open an existing SageMaker notebook that has a privileged role': '権限の強いロールを持つ既存の SageMaker ノートブックを開く',
  'pass a privileged role to a CodeBuild project and run it': '権限の強いロールを CodeBuild プロジェクトに渡して実行する',
  'pass a privileged role to an ECS task': '権限の強いロールを ECS タスクに渡す',
  'change the user data of an instance with a privileged role': '権限の強いロールを持つインスタンスのユーザーデータを変更する',
  'pass a privileged role to an Auto Scaling group': '権限の強いロールを Auto Scaling グループに渡す',
};

/** Access level names as the console shows them in Japanese. */
export const ACCESS_LEVELS_JA: Record<string, string> = {
  List: 'リスト',
  Read: '読み取り',
  Write: '書き込み',
  'Permissions management': 'アクセス許可の管理',
  Tagging: 'タグ付け',
};

/** Patterns for phrases with values inside; the function gets the match and translates recursively. */
export const PATTERNS_JA: [RegExp, (m: RegExpMatchArray, tr: (s: string) => string) => string][] = [
  [/^ Did you mean "(.*)"\?$/s, (m) => `"${m[1]}" ではありませんか?`],
  [/^ \(lower severity: limited by (.*)\)$/s, (m) => ` (${m[1]} で制限されているため重大度を下げています)`],
  [
    /^ \(lower severity: its condition can never be true \((.*)\)\)$/s,
    (m, tr) => ` (条件が true になることがない (${tr(m[1])}) ため重大度を下げています)`,
  ],
  [/^ \(lower severity: (.*)\)$/s, (m, tr) => ` (${tr(m[1])}: 重大度を下げています)`],
  [/^its condition can never be true \((.*)\)$/s, (m, tr) => `条件が true になることがありません (${tr(m[1])})`],
  [/^limited by (.*)$/s, (m) => `${m[1]} で制限されています`],
  [/^(.*) can no longer be true$/s, (m) => `${m[1]} はもう true になりません`],
  [/^call (\d+) actions$/, (m) => `${m[1]} 個のアクションを呼び出す`],
  [/^call (\S+)$/, (m) => `${m[1]} を呼び出す`],
  [/^this policy says "(.*)"$/s, (m) => `このポリシーの Version は "${m[1]}" です`],
  // embedded documents: the Terraform and YAML readers' messages (json-syntax's {{message}})
  [/^Terraform syntax: missing (.+)\.$/s, (m) => `Terraform の構文: ${m[1]} がありません。`],
  [/^The YAML could not be read: (.*)$/s, (m) => `YAML を読み込めませんでした: ${m[1]}`],
  [/^JSON in the string: (.*)$/s, (m, tr) => `文字列内の JSON: ${tr(m[1])}`],
  [/^(.*) and (\d+) more$/s, (m, tr) => `${tr(m[1])} ほか ${m[2]} 件`],
];
