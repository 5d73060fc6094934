/**
 * Japanese names and descriptions of the completion templates (snippets/iam-policy.code-snippets,
 * keyed by their English name). The policy text of a template is not translated. `i18n.test.ts`
 * style check: templates.ja.test.ts fails when a template has no entry here. Terms: docs/glossary.ja.md.
 */
export const TEMPLATES_JA: Record<string, { label: string; description: string }> = {
  'S3 read of one bucket': {
    label: '1 つの S3 バケットの読み取り',
    description:
      '1 つの S3 バケットを一覧表示し、そのオブジェクトを読み取ります: バケットの ARN に s3:ListBucket、そのオブジェクトに s3:GetObject。',
  },
  'S3 read/write under one prefix': {
    label: '1 つのプレフィックス配下の S3 読み取り/書き込み',
    description:
      '1 つのバケットの 1 つのプレフィックス配下のオブジェクトを一覧表示、読み取り、書き込み、削除します (s3:prefix で一覧表示を制限)。',
  },
  'EC2 describe': {
    label: 'EC2 の Describe',
    description: 'EC2 の読み取り専用ビュー: リソースレベルのアクセス許可をサポートしない Describe アクション。',
  },
  'EC2 start/stop by tag': {
    label: 'タグによる EC2 の起動/停止',
    description: 'タグの付いた EC2 インスタンスだけを起動・停止します (属性ベースのアクセス制御)。',
  },
  'PassRole to one service': {
    label: '1 つのサービスへの PassRole',
    description: '1 つのロールを、1 つの AWS サービスにだけ渡します (iam:PassedToService)。',
  },
  'AssumeRole of one role': {
    label: '1 つのロールの AssumeRole',
    description: '1 つの IAM ロールを引き受けます。',
  },
  'Role trust policy: EC2': {
    label: 'ロールの信頼ポリシー: EC2',
    description: 'EC2 インスタンス (インスタンスプロファイル) がロールを引き受けられるようにする信頼ポリシー。',
  },
  'Role trust policy: Lambda': {
    label: 'ロールの信頼ポリシー: Lambda',
    description: 'Lambda 実行ロールの信頼ポリシー。自分のアカウントの関数に限定します。',
  },
  'Role trust policy: ECS tasks': {
    label: 'ロールの信頼ポリシー: ECS タスク',
    description: 'ECS タスクロールの信頼ポリシー。自分のアカウントのタスクに限定します (混乱した代理問題の対策)。',
  },
  'Cross-account trust with external ID': {
    label: '外部 ID を使ったクロスアカウントの信頼',
    description: '別のアカウント (ベンダーなど) を、取り決めた sts:ExternalId を渡す場合にだけ信頼します。',
  },
  'GitHub Actions OIDC trust': {
    label: 'GitHub Actions の OIDC 信頼',
    description: 'IAM OIDC プロバイダーを通じて、1 つのリポジトリとブランチの GitHub Actions だけを信頼します (sub と aud の条件)。',
  },
  'Deny without MFA': {
    label: 'MFA なしを拒否',
    description:
      'MFA でサインインしていないセッションには、MFA の設定以外のすべてを拒否します (BoolIfExists は長期のアクセスキーも対象にします)。',
  },
  'Deny outside IP ranges': {
    label: 'IP 範囲外を拒否',
    description: '自分の IP 範囲の外からのリクエストを拒否します。AWS のサービスがユーザーに代わって行うリクエストは除きます。',
  },
  'Deny outside approved regions': {
    label: '承認済みリージョン外を拒否',
    description: '承認済みのリージョン以外でのアクションを拒否します。グローバルサービスのアクションは除きます。',
  },
  'Self-manage own credentials and MFA': {
    label: '自分の認証情報と MFA の自己管理',
    description:
      'IAM ユーザーが自分のパスワード、アクセスキー、MFA デバイスを管理できるようにし、他のユーザーのものは管理できないようにします。',
  },
  'DynamoDB CRUD on one table': {
    label: '1 つの DynamoDB テーブルの CRUD',
    description: '1 つの DynamoDB テーブルの項目を作成、読み取り、更新、削除します (インデックスのクエリも含む)。',
  },
  'KMS use of one key': {
    label: '1 つの KMS キーの使用',
    description: '1 つの KMS キーで暗号化、復号、データキーの生成を行います。',
  },
  'CloudWatch Logs for a Lambda function': {
    label: 'Lambda 関数の CloudWatch Logs',
    description:
      '1 つの Lambda 関数がログを書き込めるようにします (AWSLambdaBasicExecutionRole のアクセス許可を、関数のロググループに限定したもの)。',
  },
  'SCP: deny leaving the organization': {
    label: 'SCP: 組織からの離脱を拒否',
    description: 'サービスコントロールポリシー: メンバーアカウントは組織から離脱できません。',
  },
  'SCP: deny root user actions': {
    label: 'SCP: ルートユーザーのアクションを拒否',
    description: 'サービスコントロールポリシー: メンバーアカウントのルートユーザーは何もできません。',
  },
};
