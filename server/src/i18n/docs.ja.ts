/**
 * Japanese for the documentation tables that other modules keep in English (condition
 * operators, policy elements, principal types), keyed by the English text: a table entry's
 * English stays where it is, and `localizeDoc` looks its Japanese up here.
 */
export const DOCS_JA: Record<string, string> = {
  // condition operators (catalog/operators.ts)
  'Exact, case-sensitive string match.': '大文字と小文字を区別する完全一致の文字列比較。',
  'Negated exact, case-sensitive match. Also true when the key is absent.':
    '大文字と小文字を区別する完全一致の否定。キーがない場合にも true になります。',
  'Exact match, ignoring case.': '大文字と小文字を区別しない完全一致。',
  'Negated match ignoring case. Also true when the key is absent.':
    '大文字と小文字を区別しない一致の否定。キーがない場合にも true になります。',
  'Case-sensitive match with `*` (any run of characters) and `?` (one character) wildcards.':
    '`*` (任意の文字列) と `?` (任意の 1 文字) のワイルドカードを使った、大文字と小文字を区別する一致。',
  'Negated case-sensitive wildcard match. Also true when the key is absent.':
    '大文字と小文字を区別するワイルドカード一致の否定。キーがない場合にも true になります。',
  'Number equal to the value.': '値と等しい数値。',
  'Number not equal to the value. Also true when the key is absent.': '値と等しくない数値。キーがない場合にも true になります。',
  'Number less than the value.': '値より小さい数値。',
  'Number less than or equal to the value.': '値以下の数値。',
  'Number greater than the value.': '値より大きい数値。',
  'Number greater than or equal to the value.': '値以上の数値。',
  'Date equal to the value (ISO 8601 or epoch seconds).': '値と等しい日付 (ISO 8601 またはエポック秒)。',
  'Date not equal to the value. Also true when the key is absent.': '値と等しくない日付。キーがない場合にも true になります。',
  'Date before the value.': '値より前の日付。',
  'Date at or before the value.': '値以前の日付。',
  'Date after the value.': '値より後の日付。',
  'Date at or after the value.': '値以降の日付。',
  'Boolean match: `"true"` or `"false"`. Does not match when the key is absent.':
    'ブール値の一致: `"true"` または `"false"`。キーがない場合は一致しません。',
  'Byte-for-byte match of a base-64 encoded binary value.': 'Base64 でエンコードされたバイナリ値のバイト単位の一致。',
  'IP address inside one of the CIDR ranges (IPv4 or IPv6).': 'いずれかの CIDR 範囲 (IPv4 または IPv6) に含まれる IP アドレス。',
  'IP address outside all of the CIDR ranges. Also true when the key is absent.':
    'どの CIDR 範囲にも含まれない IP アドレス。キーがない場合にも true になります。',
  'ARN match, segment by segment; `*` and `?` wildcards allowed in each segment.':
    'セグメントごとの ARN の一致。各セグメントで `*` と `?` のワイルドカードを使えます。',
  'ARN match, segment by segment, with `*` and `?` wildcards.': '`*` と `?` のワイルドカードを使った、セグメントごとの ARN の一致。',
  'Negated ARN match. Also true when the key is absent.': 'ARN の一致の否定。キーがない場合にも true になります。',
  'Negated ARN wildcard match. Also true when the key is absent.': 'ARN のワイルドカード一致の否定。キーがない場合にも true になります。',
  '`"true"`: the key is absent from the request; `"false"`: the key is present (whatever its value).':
    '`"true"`: リクエストにキーがない、`"false"`: キーがある (値は問わない)。',
  // policy elements (features/elementDocs.ts)
  'Policy language version. Always `2012-10-17`: with the old `2008-10-17`, policy variables such as `${aws:username}` are treated as literal text.':
    'ポリシー言語のバージョン。常に `2012-10-17` を使用します。古い `2008-10-17` では `${aws:username}` などのポリシー変数がただの文字列として扱われます。',
  'Optional identifier of the policy (some resource policies, such as SNS and SQS, recommend a UUID).':
    'ポリシーの識別子 (省略可能)。SNS や SQS など一部のリソースベースのポリシーでは UUID が推奨されます。',
  'One statement object or an array of them. Each grants (Allow) or denies (Deny) actions on resources, optionally under conditions.':
    'ステートメントのオブジェクト 1 つ、またはその配列。それぞれがリソースに対するアクションを、必要に応じて条件付きで許可 (Allow) または拒否 (Deny) します。',
  'Optional statement ID (letters and digits), unique within the policy.':
    'ステートメント ID (省略可能、英字と数字)。ポリシー内で一意です。',
  '`Allow` or `Deny`. An explicit Deny always wins over any Allow.':
    '`Allow` または `Deny`。明示的な拒否は常にどの許可よりも優先されます。',
  'Who the statement applies to. Required in resource policies, role trust policies and RCPs; not allowed in identity policies and SCPs.':
    'ステートメントの適用先。リソースベースのポリシー、ロールの信頼ポリシー、RCP では必須で、アイデンティティベースのポリシーと SCP では使用できません。',
  'Every principal except the listed ones. Use only with Deny (with Allow it grants access to everyone else, including anonymous users).':
    '列挙したもの以外のすべてのプリンシパル。Deny でのみ使用してください (Allow では匿名ユーザーを含む他の全員にアクセスを許可します)。',
  'Actions the statement allows or denies, as `service:Action`; `*` and `?` wildcards are allowed.':
    'ステートメントが許可または拒否するアクション (`service:Action` の形式)。`*` と `?` のワイルドカードを使えます。',
  'Every action except the listed ones. With Allow it also grants actions AWS adds later: prefer Action.':
    '列挙したもの以外のすべてのアクション。Allow では今後 AWS が追加するアクションも許可するため、Action を使用してください。',
  'ARNs of the resources the actions apply to. Use `*` only for actions that do not support resource-level permissions.':
    'アクションの対象となるリソースの ARN。`*` はリソースレベルのアクセス許可をサポートしないアクションにだけ使用してください。',
  'Every resource except the listed ones. With Allow it grants access to resources created later: prefer Resource.':
    '列挙したもの以外のすべてのリソース。Allow では後から作成されるリソースへのアクセスも許可するため、Resource を使用してください。',
  'Conditions under which the statement applies: `{ "Operator": { "key": value } }`. Operators are ANDed; values of one key are ORed.':
    'ステートメントが適用される条件: `{ "演算子": { "キー": 値 } }`。演算子どうしは AND、1 つのキーの値どうしは OR で評価されます。',
  // Access Analyzer finding types (accessAnalyzer/diagnostics.ts), as the console names them
  Error: 'エラー',
  'Security warning': 'セキュリティ警告',
  Warning: '警告',
  Suggestion: '提案',
  // principal types (features/completion/completion.ts)
  'AWS accounts, IAM roles, IAM users, assumed-role sessions (ARNs or 12-digit account IDs), or `"*"`.':
    'AWS アカウント、IAM ロール、IAM ユーザー、引き受けたロールのセッション (ARN または 12 桁のアカウント ID)、または `"*"`。',
  'AWS service principals such as `ec2.amazonaws.com` or `lambda.amazonaws.com`.':
    '`ec2.amazonaws.com` や `lambda.amazonaws.com` などの AWS のサービスプリンシパル。',
  'Web identity (OIDC) or SAML identity providers: `arn:aws:iam::111122223333:oidc-provider/...`, `cognito-identity.amazonaws.com`.':
    'ウェブ ID (OIDC) または SAML の ID プロバイダー: `arn:aws:iam::111122223333:oidc-provider/...`、`cognito-identity.amazonaws.com`。',
  'S3 canonical user ID (legacy; for CloudFront origin access identities and ACL-style grants).':
    'S3 の正規ユーザー ID (レガシー。CloudFront のオリジンアクセスアイデンティティと ACL 形式の許可用)。',
  // principal types (features/elementDocs.ts)
  'AWS accounts, IAM users and roles, and role sessions, by ARN or 12-digit account ID.':
    'AWS アカウント、IAM ユーザーとロール、ロールセッション (ARN または 12 桁のアカウント ID)。',
  'AWS service principals (`<service>.amazonaws.com`).': 'AWS のサービスプリンシパル (`<service>.amazonaws.com`)。',
  'Web identity (OIDC) and SAML identity providers.': 'ウェブ ID (OIDC) と SAML の ID プロバイダー。',
  'Amazon S3 canonical user IDs.': 'Amazon S3 の正規ユーザー ID。',
};
