// The parts of an OpenAPI 3.x or Swagger 2.0 document that the importer reads, as API Gateway
// exports them (REST APIs: `aws apigateway get-export`; HTTP APIs: `aws apigatewayv2
// export-api`), with its extensions: x-amazon-apigateway-auth ({ type: AWS_IAM | NONE }), the
// securitySchemes' x-amazon-apigateway-authtype (awsSigv4 marks IAM), x-amazon-apigateway-any-method
// and x-amazon-apigateway-integration (whose ARN names the API's region). Fields not read are not
// listed (zod drops them); paths and operations are checked one at a time as they are reached.
import * as z from 'zod/mini';

const looseText = z.union([z.string(), z.number(), z.boolean(), z.null()]);

const securityRequirements = z.optional(z.nullable(z.array(z.record(z.string(), z.unknown()))));

export const openApiDocument = z.object({
  openapi: z.optional(z.string()),
  swagger: z.optional(z.string()),
  info: z.optional(
    z.nullable(
      z.object({
        title: z.optional(looseText),
        description: z.optional(z.nullable(z.string())),
      }),
    ),
  ),
  servers: z.optional(
    z.nullable(
      z.array(
        z.object({
          url: z.string(),
          variables: z.optional(
            z.nullable(
              z.record(
                z.string(),
                z.object({ default: z.optional(looseText), enum: z.optional(z.unknown()) }),
              ),
            ),
          ),
        }),
      ),
    ),
  ),
  // Swagger 2.0's server.
  host: z.optional(z.nullable(z.string())),
  basePath: z.optional(z.nullable(z.string())),
  schemes: z.optional(z.nullable(z.array(z.string()))),
  consumes: z.optional(z.nullable(z.array(z.string()))),
  paths: z.optional(z.nullable(z.record(z.string(), z.unknown()))),
  security: securityRequirements,
  components: z.optional(
    z.nullable(
      z.object({
        securitySchemes: z.optional(z.nullable(z.record(z.string(), z.unknown()))),
        parameters: z.optional(z.nullable(z.record(z.string(), z.unknown()))),
      }),
    ),
  ),
  securityDefinitions: z.optional(z.nullable(z.record(z.string(), z.unknown()))),
  parameters: z.optional(z.nullable(z.record(z.string(), z.unknown()))),
});
export type OpenApiDocument = z.infer<typeof openApiDocument>;

export const securityScheme = z.object({
  type: z.optional(z.string()),
  name: z.optional(z.string()),
  in: z.optional(z.string()),
  'x-amazon-apigateway-authtype': z.optional(z.string()),
  'x-amazon-apigateway-authorizer': z.optional(z.object({ type: z.optional(z.string()) })),
});

export const parameter = z.object({
  $ref: z.optional(z.string()),
  name: z.optional(z.string()),
  in: z.optional(z.string()),
  required: z.optional(z.unknown()),
  example: z.optional(z.unknown()),
  default: z.optional(z.unknown()),
  schema: z.optional(
    z.nullable(z.object({ default: z.optional(z.unknown()), example: z.optional(z.unknown()) })),
  ),
});
export type OpenApiParameter = z.infer<typeof parameter>;

const mediaType = z.object({
  example: z.optional(z.unknown()),
  examples: z.optional(z.nullable(z.record(z.string(), z.unknown()))),
  schema: z.optional(z.nullable(z.object({ example: z.optional(z.unknown()) }))),
});

export const operation = z.object({
  summary: z.optional(z.nullable(z.string())),
  description: z.optional(z.nullable(z.string())),
  operationId: z.optional(z.nullable(z.string())),
  tags: z.optional(z.nullable(z.array(looseText))),
  parameters: z.optional(z.nullable(z.array(z.unknown()))),
  requestBody: z.optional(
    z.nullable(z.object({ content: z.optional(z.nullable(z.record(z.string(), mediaType))) })),
  ),
  consumes: z.optional(z.nullable(z.array(z.string()))),
  security: securityRequirements,
  'x-amazon-apigateway-auth': z.optional(z.nullable(z.object({ type: z.optional(z.string()) }))),
  'x-amazon-apigateway-integration': z.optional(
    z.nullable(z.object({ uri: z.optional(looseText) })),
  ),
});
export type OpenApiOperation = z.infer<typeof operation>;

export const pathItem = z.object({
  parameters: z.optional(z.nullable(z.array(z.unknown()))),
});

/** The HTTP methods a path item may hold, in the order OpenAPI lists them. */
export const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
export const ANY_METHOD = 'x-amazon-apigateway-any-method';
