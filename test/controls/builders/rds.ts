// Terraform RDS resources for the RDS case tables: the usual required arguments, plus the
// lines a case is about (`body`, written at the arguments' indentation, 2 spaces).

/** An aws_db_instance `name` running `engine`; `before` is written above it (variables, groups). */
export function tfInstance(body = '', o: { engine?: string; before?: string; name?: string } = {}): string {
  return `${o.before ?? ''}resource "aws_db_instance" "${o.name ?? 'db'}" {
  identifier                  = "app"
  engine                      = "${o.engine ?? 'postgres'}"
  instance_class              = "db.t4g.micro"
  allocated_storage           = 20
  username                    = "app"
  manage_master_user_password = true
${body.replace(/^\n/, '').replace(/\n?$/, '\n').replace(/^\n$/, '')}}
`;
}

/** An aws_rds_cluster (Aurora PostgreSQL unless `engine` says otherwise). */
export function tfCluster(body = '', o: { engine?: string; before?: string } = {}): string {
  return `${o.before ?? ''}resource "aws_rds_cluster" "main" {
  cluster_identifier          = "main"
  engine                      = "${o.engine ?? 'aurora-postgresql'}"
  master_username             = "app"
  manage_master_user_password = true
${body.replace(/^\n/, '').replace(/\n?$/, '\n').replace(/^\n$/, '')}}
`;
}

/** An aws_rds_cluster_instance member of aws_rds_cluster.main. */
export const TF_MEMBER = `
resource "aws_rds_cluster_instance" "member" {
  identifier         = "main-1"
  cluster_identifier = aws_rds_cluster.main.id
  engine             = aws_rds_cluster.main.engine
  instance_class     = "db.r6g.large"
}
`;

/** The resource header line of a case marked as the deciding line (the setting is left out). */
export function markResource(text: string, address: string): string {
  const [type, name] = address.split('.');
  return text.replace(`resource "${type}" "${name}" {\n`, `resource "${type}" "${name}" { # <--\n`);
}

/** A `variable` block without a default. */
export const tfVar = (name: string, type: string): string => `variable "${name}" {\n  type = ${type}\n}\n\n`;
