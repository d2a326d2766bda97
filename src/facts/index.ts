// The positive inventory: what IS configured, per domain, counted exactly from the
// templates. Facts never judge (controls do); they enumerate, each item located.
import type { DomainId, Resource, Template, Value } from '../model/types.js';
import { asBool, asList, asNumber, asString, asStrings, getPath, prop, toPlain } from '../model/value.js';
import type { Graph } from '../engine/graph.js';
import { policyDocuments, statementsOf } from '../controls/lib/policy.js';
import { classifySubnet, securityGroupRules } from '../controls/lib/network.js';

export type Facts = Record<DomainId, Record<string, unknown>>;

interface At { file: string; line: number }
const at = (r: Resource): At => ({ file: r.file, line: r.loc.line });

/** A fact value: concrete JSON when known, a `<unknown: …>` marker when deploy-time, null when not set. */
function fv(v: Value | undefined): unknown {
  if (!v) return null;
  if (v.k === 'scalar' && v.sensitive) return '****';
  return toPlain(v) ?? null;
}

function bool(v: Value | undefined): boolean | null | string {
  if (!v) return null;
  const b = asBool(v);
  return b ?? (fv(v) as string);
}

/** The one fact of a domain whose inventory could not be built (see `domainFacts`). */
export const FACTS_UNAVAILABLE = 'unavailable';

/**
 * One domain's inventory, contained: input errors are recorded where they are read, so an
 * exception here is a defect in Attest. It costs that domain its facts (said in their place,
 * and the run fails closed), not the report.
 */
export function domainFacts(domain: DomainId, build: () => Record<string, unknown>): Record<string, unknown> {
  try {
    return build();
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return { [FACTS_UNAVAILABLE]: `the ${domain} facts could not be extracted (${why}); this is a defect in Attest, please report it` };
  }
}

/** The domains whose facts are unavailable, with the reason. */
export function unavailableFacts(facts: Partial<Facts>): string[] {
  return Object.values(facts).flatMap((f) => (f && typeof f[FACTS_UNAVAILABLE] === 'string' ? [f[FACTS_UNAVAILABLE] as string] : []));
}

export function extractFacts(g: Graph): Facts {
  const of = (t: string) => g.ofType(t);
  return {
    authentication: domainFacts('authentication', () => authentication(g, of)),
    authorization: domainFacts('authorization', () => authorization(g, of)),
    iam: domainFacts('iam', () => iam(of, (r) => g.conditionals(r))),
    'data-protection': domainFacts('data-protection', () => dataProtection(g, of)),
    'resource-governance': domainFacts('resource-governance', () => governance(g)),
    network: domainFacts('network', () => network(g, of)),
    audit: domainFacts('audit', () => audit(of)),
    deployment: domainFacts('deployment', () => deployment(g.templates)),
    resilience: domainFacts('resilience', () => resilience(of)),
  };
}

type Of = (t: string) => Resource[];

function authentication(g: Graph, of: Of) {
  const clients = of('AWS::Cognito::UserPoolClient');
  const userPools = of('AWS::Cognito::UserPool').map((p) => {
    const pp = getPath(p.properties, 'Policies.PasswordPolicy');
    return {
      id: p.id, ...at(p),
      passwordPolicy: pp ? {
        minimumLength: fv(prop(pp, 'MinimumLength')), requireUppercase: bool(prop(pp, 'RequireUppercase')), requireLowercase: bool(prop(pp, 'RequireLowercase')),
        requireNumbers: bool(prop(pp, 'RequireNumbers')), requireSymbols: bool(prop(pp, 'RequireSymbols')), temporaryPasswordValidityDays: fv(prop(pp, 'TemporaryPasswordValidityDays')),
      } : 'not set (Cognito default: minimum length 8, all character classes)',
      mfa: fv(p.properties.props.get('MfaConfiguration')) ?? 'OFF (default)',
      mfaMethods: fv(p.properties.props.get('EnabledMfas')),
      advancedSecurity: fv(getPath(p.properties, 'UserPoolAddOns.AdvancedSecurityMode')) ?? 'OFF (default)',
      deletionProtection: fv(p.properties.props.get('DeletionProtection')) ?? 'INACTIVE (default)',
      adminCreateUserOnly: bool(getPath(p.properties, 'AdminCreateUserConfig.AllowAdminCreateUserOnly')) ?? false,
      clients: g.pointingAt(p, 'AWS::Cognito::UserPoolClient', 'UserPoolId').map((c) => c.id),
    };
  });
  const appClients = clients.map((c) => {
    const flows = asStrings(c.properties.props.get('ExplicitAuthFlows'));
    return {
      id: c.id, ...at(c),
      userPool: g.target(c, c.properties.props.get('UserPoolId'))?.id ?? fv(c.properties.props.get('UserPoolId')),
      authFlows: flows ?? fv(c.properties.props.get('ExplicitAuthFlows')),
      oauthFlows: fv(c.properties.props.get('AllowedOAuthFlows')),
      oauthScopes: fv(c.properties.props.get('AllowedOAuthScopes')),
      holdsSecret: asBool(c.properties.props.get('GenerateSecret')) === true,
      tokenValidity: {
        access: fv(c.properties.props.get('AccessTokenValidity')), id: fv(c.properties.props.get('IdTokenValidity')),
        refresh: fv(c.properties.props.get('RefreshTokenValidity')), units: fv(c.properties.props.get('TokenValidityUnits')),
      },
    };
  });
  return {
    userPools, appClients,
    m2mClients: appClients.filter((c) => Array.isArray(c.oauthFlows) && (c.oauthFlows as unknown[]).includes('client_credentials')).map((c) => c.id),
    identityPools: of('AWS::Cognito::IdentityPool').map((p) => ({ id: p.id, ...at(p), allowUnauthenticated: bool(p.properties.props.get('AllowUnauthenticatedIdentities')) ?? false })),
  };
}

function authorization(g: Graph, of: Of) {
  const resourceServers = of('AWS::Cognito::UserPoolResourceServer').map((r) => {
    const identifier = asString(r.properties.props.get('Identifier'));
    const scopes = (asList(r.properties.props.get('Scopes')) ?? []).map((s) => asString(prop(s, 'ScopeName')) ?? String(fv(prop(s, 'ScopeName'))));
    return { id: r.id, ...at(r), identifier: identifier ?? fv(r.properties.props.get('Identifier')), scopeCount: scopes.length, scopes: scopes.map((s) => (identifier ? `${identifier}/${s}` : s)) };
  });
  const groups = of('AWS::Cognito::UserPoolGroup').map((gr) => ({
    id: gr.id, ...at(gr), name: fv(gr.properties.props.get('GroupName')) ?? gr.id, precedence: fv(gr.properties.props.get('Precedence')),
    role: g.target(gr, gr.properties.props.get('RoleArn'))?.id ?? fv(gr.properties.props.get('RoleArn')),
  }));
  const methods = of('AWS::ApiGateway::Method').map((m) => ({
    id: m.id, ...at(m), httpMethod: fv(m.properties.props.get('HttpMethod')), authorizationType: fv(m.properties.props.get('AuthorizationType')) ?? 'NONE (default)',
    scopes: fv(m.properties.props.get('AuthorizationScopes')),
  }));
  const routes = of('AWS::ApiGatewayV2::Route').map((m) => ({
    id: m.id, ...at(m), routeKey: fv(m.properties.props.get('RouteKey')), authorizationType: fv(m.properties.props.get('AuthorizationType')) ?? 'NONE (default)',
    scopes: fv(m.properties.props.get('AuthorizationScopes')),
  }));
  const authorizers = [...of('AWS::ApiGateway::Authorizer'), ...of('AWS::ApiGatewayV2::Authorizer')].map((a) => ({
    id: a.id, ...at(a), type: fv(a.properties.props.get('Type') ?? a.properties.props.get('AuthorizerType')),
    providers: fv(a.properties.props.get('ProviderARNs')), jwtIssuer: fv(getPath(a.properties, 'JwtConfiguration.Issuer')),
  }));
  return {
    resourceServers, totalScopes: resourceServers.reduce((n, r) => n + r.scopeCount, 0),
    groups, authorizers, apiMethods: methods, apiRoutes: routes,
  };
}

function iam(of: Of, conditionalsOf: (r: Resource) => Template['conditionals']) {
  const statementsFact = (r: Resource) => policyDocuments(r.type, r.properties).filter((d) => d.kind !== 'trust').map((d) => {
    const conditional = d.doc.k === 'unknown' ? d.doc.condition ?? d.doc.reason : undefined;
    const docs = d.doc.k === 'unknown' && d.doc.alts ? d.doc.alts : [d.doc];
    return {
      path: d.path, line: d.doc.loc.line,
      ...(conditional ? { conditionalOn: conditional } : {}),
      statements: docs.flatMap((doc) => statementsOf(doc).statements).map((s) => ({
        line: s.loc.line, effect: s.effect ?? null, actions: s.hasNotAction ? { notAction: s.notActions } : s.actions,
        resources: s.hasNotResource ? { notResource: s.notResources } : s.resources, conditions: s.condition ? toPlain(s.condition) : null,
      })),
    };
  });
  // Parts of a role that exist only under a condition (e.g. "memory policy only when a memory
  // ARN is given"), with whether the condition holds for this scan.
  const conditionalParts = (r: Resource) => conditionalsOf(r)
    .map((c) => ({ line: c.loc.line, condition: c.condition, holds: c.state, dependsOn: c.params }));
  const roles = of('AWS::IAM::Role').map((r) => ({
    id: r.id, ...at(r),
    trust: statementsOf(r.properties.props.get('AssumeRolePolicyDocument')).statements.map((s) => ({ line: s.loc.line, effect: s.effect, principal: toPlain(s.principal), actions: s.actions, conditions: s.condition ? toPlain(s.condition) : null })),
    managedPolicies: fv(r.properties.props.get('ManagedPolicyArns')) ?? [],
    permissionsBoundary: fv(r.properties.props.get('PermissionsBoundary')),
    policies: statementsFact(r),
    conditionalParts: conditionalParts(r),
    maxSessionDuration: fv(r.properties.props.get('MaxSessionDuration')) ?? 3600,
  }));
  const policies = [...of('AWS::IAM::Policy'), ...of('AWS::IAM::ManagedPolicy')].map((p) => ({
    id: p.id, ...at(p), type: p.type, attachedTo: fv(p.properties.props.get('Roles')) ?? fv(p.properties.props.get('Users')) ?? fv(p.properties.props.get('Groups')),
    policies: statementsFact(p),
  }));
  const functions = of('AWS::Serverless::Function').filter((f) => f.properties.props.has('Policies')).map((f) => ({ id: f.id, ...at(f), policies: fv(f.properties.props.get('Policies')) }));
  return { roles, policies, users: of('AWS::IAM::User').map((u) => ({ id: u.id, ...at(u) })), serverlessFunctionPolicies: functions };
}

function dataProtection(g: Graph, of: Of) {
  const databases = [...of('AWS::RDS::DBInstance'), ...of('AWS::RDS::DBCluster')].map((d) => {
    const p = d.properties.props;
    return {
      id: d.id, ...at(d), type: d.type.split('::')[2], engine: fv(p.get('Engine')), cluster: g.target(d, p.get('DBClusterIdentifier'))?.id ?? null,
      storageEncrypted: bool(p.get('StorageEncrypted')) ?? false, kmsKey: fv(p.get('KmsKeyId')),
      backupRetentionDays: fv(p.get('BackupRetentionPeriod')) ?? '1 (default)', deletionProtection: bool(p.get('DeletionProtection')) ?? false,
      publiclyAccessible: bool(p.get('PubliclyAccessible')), multiAZ: bool(p.get('MultiAZ')) ?? false,
      iamAuth: bool(p.get('EnableIAMDatabaseAuthentication')) ?? false, logExports: fv(p.get('EnableCloudwatchLogsExports')) ?? [],
      masterPassword: p.has('MasterUserPassword') ? (asString(p.get('MasterUserPassword'))?.startsWith('{{resolve:') ? 'dynamic reference' : 'set in template') : bool(p.get('ManageMasterUserPassword')) === true ? 'managed by RDS in Secrets Manager' : null,
    };
  });
  const keys = of('AWS::KMS::Key').map((k) => ({
    id: k.id, ...at(k), spec: fv(k.properties.props.get('KeySpec')) ?? 'SYMMETRIC_DEFAULT', rotation: bool(k.properties.props.get('EnableKeyRotation')) ?? false,
    aliases: g.pointingAt(k, 'AWS::KMS::Alias', 'TargetKeyId').map((a) => fv(a.properties.props.get('AliasName'))),
  }));
  const buckets = of('AWS::S3::Bucket').map((b) => {
    const enc = asList(getPath(b.properties, 'BucketEncryption.ServerSideEncryptionConfiguration'))?.[0];
    return {
      id: b.id, ...at(b), encryption: fv(getPath(enc, 'ServerSideEncryptionByDefault.SSEAlgorithm')) ?? 'SSE-S3 (S3 default)',
      kmsKey: fv(getPath(enc, 'ServerSideEncryptionByDefault.KMSMasterKeyID')), versioning: fv(getPath(b.properties, 'VersioningConfiguration.Status')) ?? 'not enabled',
      publicAccessBlock: fv(b.properties.props.get('PublicAccessBlockConfiguration')), policy: g.pointingAt(b, 'AWS::S3::BucketPolicy', 'Bucket').map((p) => p.id),
    };
  });
  const secrets = of('AWS::SecretsManager::Secret').map((s) => ({
    id: s.id, ...at(s), kmsKey: fv(s.properties.props.get('KmsKeyId')) ?? 'aws/secretsmanager (AWS managed)',
    rotation: g.pointingAt(s, 'AWS::SecretsManager::RotationSchedule', 'SecretId').map((r) => ({ id: r.id, schedule: fv(r.properties.props.get('RotationRules')) })),
    generated: s.properties.props.has('GenerateSecretString'),
  }));
  const tables = of('AWS::DynamoDB::Table').map((t) => ({
    id: t.id, ...at(t), sse: fv(getPath(t.properties, 'SSESpecification.SSEEnabled')) ?? 'AWS owned key (default)', kmsKey: fv(getPath(t.properties, 'SSESpecification.KMSMasterKeyId')),
    pointInTimeRecovery: bool(getPath(t.properties, 'PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled')) ?? false,
  }));
  const queuesAndTopics = [...of('AWS::SQS::Queue'), ...of('AWS::SNS::Topic')].map((q) => ({
    id: q.id, ...at(q), type: q.type, kmsKey: fv(q.properties.props.get('KmsMasterKeyId')), sqsManagedSse: fv(q.properties.props.get('SqsManagedSseEnabled')),
  }));
  return { databases, kmsKeys: keys, buckets, secrets, tables, queuesAndTopics };
}

function governance(g: Graph) {
  // Maps, not objects: tag keys and types are the template's strings (`constructor`, `__proto__`).
  const keys = new Map<string, number>();
  const byType = new Map<string, number>();
  let tagged = 0;
  let total = 0;
  for (const r of g.resources()) {
    total++;
    byType.set(r.type, (byType.get(r.type) ?? 0) + 1);
    const tags = r.properties.props.get('Tags');
    let found = false;
    if (tags && tags.k === 'list') for (const t of tags.items) { const k = asString(prop(t, 'Key')); if (k) { keys.set(k, (keys.get(k) ?? 0) + 1); found = true; } }
    else if (tags && tags.k === 'object') for (const k of tags.props.keys()) { keys.set(k, (keys.get(k) ?? 0) + 1); found = true; }
    if (found) tagged++;
  }
  return {
    resourceCount: total, taggedResources: tagged,
    tagKeys: [...keys].sort((a, b) => b[1] - a[1]).map(([key, resources]) => ({ key, resources })),
    resourceTypes: [...byType].sort((a, b) => b[1] - a[1]).map(([type, count]) => ({ type, count })),
  };
}

function network(g: Graph, of: Of) {
  const lbs = of('AWS::ElasticLoadBalancingV2::LoadBalancer').map((lb) => ({
    id: lb.id, ...at(lb), type: fv(lb.properties.props.get('Type')) ?? 'application', scheme: fv(lb.properties.props.get('Scheme')) ?? 'internet-facing',
    listeners: g.referrers(lb, 'AWS::ElasticLoadBalancingV2::Listener').map((l) => {
      const actions = asList(l.properties.props.get('DefaultActions')) ?? [];
      const redirect = actions.map((a) => prop(a, 'RedirectConfig')).find(Boolean);
      return {
        id: l.id, line: l.loc.line, port: fv(l.properties.props.get('Port')), protocol: fv(l.properties.props.get('Protocol')),
        sslPolicy: fv(l.properties.props.get('SslPolicy')), certificates: (asList(l.properties.props.get('Certificates')) ?? []).length,
        redirect: redirect ? { protocol: fv(prop(redirect, 'Protocol')), port: fv(prop(redirect, 'Port')), statusCode: fv(prop(redirect, 'StatusCode')) } : null,
      };
    }),
  }));
  const securityGroups = of('AWS::EC2::SecurityGroup').map((sg) => ({
    id: sg.id, ...at(sg), description: fv(sg.properties.props.get('GroupDescription')),
    rules: securityGroupRules(g, sg).map((r) => ({
      direction: r.direction, protocol: r.protocol, fromPort: r.fromPort, toPort: r.toPort,
      peer: r.sourceValue ?? (r.opaque ? '<unknown>' : null), peerKind: r.sourceKind, line: r.loc.line, description: r.description ?? null,
      ...(r.implicit ? { implicit: true } : {}), ...(r.standalone ? { declaredIn: r.resource.id } : {}),
    })),
  }));
  const subnets = of('AWS::EC2::Subnet').map((s) => {
    const c = classifySubnet(g, s);
    return { id: s.id, ...at(s), cidr: fv(s.properties.props.get('CidrBlock')), classification: c.kind, reason: c.reason };
  });
  const vpcs = of('AWS::EC2::VPC').map((v) => ({
    id: v.id, ...at(v), cidr: fv(v.properties.props.get('CidrBlock')),
    flowLogs: g.referrers(v, 'AWS::EC2::FlowLog').map((f) => f.id),
    endpoints: g.referrers(v, 'AWS::EC2::VPCEndpoint').map((e) => fv(e.properties.props.get('ServiceName'))),
  }));
  const ecsServices = of('AWS::ECS::Service').map((s) => ({
    id: s.id, ...at(s), assignPublicIp: fv(getPath(s.properties, 'NetworkConfiguration.AwsvpcConfiguration.AssignPublicIp')) ?? 'DISABLED (default)',
    subnets: (asList(getPath(s.properties, 'NetworkConfiguration.AwsvpcConfiguration.Subnets')) ?? []).map((v) => g.target(s, v)?.id ?? fv(v)),
    securityGroups: (asList(getPath(s.properties, 'NetworkConfiguration.AwsvpcConfiguration.SecurityGroups')) ?? []).map((v) => g.target(s, v)?.id ?? fv(v)),
  }));
  const distributions = of('AWS::CloudFront::Distribution').map((d) => ({
    id: d.id, ...at(d), viewerProtocolPolicy: fv(getPath(d.properties, 'DistributionConfig.DefaultCacheBehavior.ViewerProtocolPolicy')),
    minimumProtocolVersion: fv(getPath(d.properties, 'DistributionConfig.ViewerCertificate.MinimumProtocolVersion')), webAcl: fv(getPath(d.properties, 'DistributionConfig.WebACLId')),
  }));
  return {
    loadBalancers: lbs, securityGroups, subnets,
    publicSubnets: subnets.filter((s) => s.classification === 'public').length, privateSubnets: subnets.filter((s) => s.classification === 'private').length,
    vpcs, ecsServices, cloudFrontDistributions: distributions,
    webAclAssociations: of('AWS::WAFv2::WebACLAssociation').map((w) => ({ id: w.id, ...at(w), resource: fv(w.properties.props.get('ResourceArn')), webAcl: fv(w.properties.props.get('WebACLArn')) })),
  };
}

function audit(of: Of) {
  return {
    trails: of('AWS::CloudTrail::Trail').map((t) => ({
      id: t.id, ...at(t), multiRegion: bool(t.properties.props.get('IsMultiRegionTrail')) ?? false, logFileValidation: bool(t.properties.props.get('EnableLogFileValidation')) ?? false,
      kmsKey: fv(t.properties.props.get('KMSKeyId')), isLogging: bool(t.properties.props.get('IsLogging')),
    })),
    logGroups: of('AWS::Logs::LogGroup').map((l) => ({ id: l.id, ...at(l), name: fv(l.properties.props.get('LogGroupName')), retentionDays: fv(l.properties.props.get('RetentionInDays')) ?? 'never expires', kmsKey: fv(l.properties.props.get('KmsKeyId')) })),
    configRecorders: of('AWS::Config::ConfigurationRecorder').map((c) => ({ id: c.id, ...at(c), allSupported: bool(getPath(c.properties, 'RecordingGroup.AllSupported')) })),
    configRules: of('AWS::Config::ConfigRule').map((c) => ({ id: c.id, ...at(c), source: fv(getPath(c.properties, 'Source.SourceIdentifier')) })),
    guardDutyDetectors: of('AWS::GuardDuty::Detector').map((d) => ({ id: d.id, ...at(d), enabled: bool(d.properties.props.get('Enable')) })),
    securityHubs: of('AWS::SecurityHub::Hub').map((h) => ({ id: h.id, ...at(h) })),
    alarms: of('AWS::CloudWatch::Alarm').length,
    flowLogs: of('AWS::EC2::FlowLog').map((f) => ({ id: f.id, ...at(f), trafficType: fv(f.properties.props.get('TrafficType')), destination: fv(f.properties.props.get('LogDestinationType')) ?? 'cloud-watch-logs' })),
  };
}

function deployment(templates: Template[]) {
  const stacks = templates.map((t) => ({
    file: t.file, format: t.format, description: t.description ?? null, transforms: t.transform,
    resources: t.resources.size,
    parameters: [...t.parameters.values()].map((p) => ({
      name: p.name, type: p.type, line: p.loc.line, noEcho: p.noEcho, valueFrom: p.source,
      default: p.noEcho ? (p.default !== undefined ? '****' : null) : p.default ?? null, allowedValues: p.noEcho ? undefined : p.allowedValues,
    })),
    conditions: [...t.conditions].map(([name, c]) => ({ name, holds: c.state, dependsOn: c.params })),
    outputs: t.outputs.size, exports: [...t.outputs.values()].filter((o) => o.exportName).map((o) => o.exportName),
    nestedStacks: [...t.resources.values()].filter((r) => r.type === 'AWS::CloudFormation::Stack' || r.type === 'AWS::Serverless::Application').map((r) => r.id),
  }));
  return {
    stacks, templateCount: templates.length,
    samTemplates: templates.filter((t) => t.transform.includes('AWS::Serverless-2016-10-31')).length,
    parameterCount: stacks.reduce((n, s) => n + s.parameters.length, 0),
  };
}

function resilience(of: Of) {
  return {
    multiAzDatabases: of('AWS::RDS::DBInstance').filter((d) => asBool(d.properties.props.get('MultiAZ')) === true).map((d) => d.id),
    auroraClusters: of('AWS::RDS::DBCluster').map((c) => ({ id: c.id, ...at(c), backupRetentionDays: asNumber(c.properties.props.get('BackupRetentionPeriod')) ?? 1 })),
    backupPlans: of('AWS::Backup::BackupPlan').map((b) => ({ id: b.id, ...at(b), rules: (asList(getPath(b.properties, 'BackupPlan.BackupPlanRule')) ?? []).length })),
    autoScalingGroups: of('AWS::AutoScaling::AutoScalingGroup').map((a) => ({ id: a.id, ...at(a), min: fv(a.properties.props.get('MinSize')), max: fv(a.properties.props.get('MaxSize')), subnets: (asList(a.properties.props.get('VPCZoneIdentifier')) ?? []).length })),
  };
}
