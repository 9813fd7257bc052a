import type { CodegenConfig } from "@graphql-codegen/cli";

// The portal's typed operations, generated from the committed SDL (the served one equals it: GraphQLSchemaContractTest).
const config: CodegenConfig = {
  schema: "../../docs/schema.graphql",
  documents: ["src/**/*.graphql"],
  generates: {
    "generated/graphql.ts": {
      plugins: ["typescript-operations"],
      config: {
        scalars: { DateTime: "string", Date: "string", Duration: "string", BigInteger: "number", BigDecimal: "number" },
        strictScalars: true,
      },
    },
  },
};
export default config;
