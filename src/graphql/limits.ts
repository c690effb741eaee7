/**
 * Limits on what one GraphQL document may ask for. Depth, breadth and cost are checked by the
 * complexity plugin before execution; aliases and document size here, during validation, so a
 * hostile document is refused before any resolver runs.
 */
import { GraphQLError, type ASTVisitor, type ValidationContext } from 'graphql';

export const graphqlLimits = {
  /** Defaults of GRAPHQL_MAX_DEPTH and GRAPHQL_MAX_COMPLEXITY. */
  depth: 10,
  complexity: 20_000,
  breadth: 200,
  aliases: 30,
  /** Field selections written in the document (fragments once each); breadth counts spreads. */
  selections: 1000,
  tokens: 5000,
};

const tooComplex = (message: string) =>
  new GraphQLError(message, { extensions: { code: 'QUERY_TOO_COMPLEX' } });

/** Refuses documents with more than `limit` aliased fields. */
export function maxAliasesRule(limit = graphqlLimits.aliases) {
  return (context: ValidationContext): ASTVisitor => {
    let aliases = 0;
    return {
      Field(node) {
        if (node.alias && ++aliases === limit + 1) {
          context.reportError(tooComplex(`Query uses more than ${limit} aliases`));
        }
      },
    };
  };
}

/** Refuses documents whose operations select more than `limit` fields in all. */
export function maxSelectionsRule(limit = graphqlLimits.selections) {
  return (context: ValidationContext): ASTVisitor => {
    let selections = 0;
    return {
      Field() {
        if (++selections === limit + 1) {
          context.reportError(tooComplex(`Query selects more than ${limit} fields`));
        }
      },
    };
  };
}
