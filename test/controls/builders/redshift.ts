// A Redshift cluster for the Redshift case tables: the required properties, plus the lines
// a case is about (at the indentation of Properties' keys, 6 spaces), and optional resources after it.
export function cluster(extra = '', opts: { before?: string; after?: string; marked?: boolean } = {}): string {
  return `${opts.before ?? ''}Resources:
  Warehouse:${opts.marked ? ' # <--' : ''}
    Type: AWS::Redshift::Cluster
    Properties:
      ClusterType: multi-node
      NumberOfNodes: 2
      NodeType: ra3.xlplus
      DBName: analytics
      MasterUsername: admin
      ManageMasterPassword: true
${extra.replace(/^\n/, '').replace(/\n?$/, '\n')}${opts.after ?? ''}`;
}
