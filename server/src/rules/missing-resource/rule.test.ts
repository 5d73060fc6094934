import rule from './rule';
import { testRule } from '../../testing/testRule';

testRule(rule, {
  accept: [
    '{"Effect": "Allow", "Action": "s3:GetObject", "NotResource": "arn:aws:s3:::secret/*"}',
    { code: '{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}', policyType: 'trust' },
    // an ECR repository policy names no Resource: the repository is the resource
    {
      code: '{"Version": "2012-10-17", "Statement": [{"Sid": "AllowPushPull", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/ci"}, "Action": ["ecr:BatchGetImage", "ecr:BatchCheckLayerAvailability", "ecr:CompleteLayerUpload", "ecr:GetDownloadUrlForLayer", "ecr:InitiateLayerUpload", "ecr:PutImage", "ecr:UploadLayerPart"]}]}',
      policyType: 'resource',
      name: 'ECR repository policy',
    },
  ],
  reject: [
    { code: '{⟦"Effect"⟧: "Allow", "Action": "s3:GetObject"}' },
    { code: '{⟦"Effect"⟧: "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sqs:SendMessage"}', policyType: 'resource' },
  ],
});
