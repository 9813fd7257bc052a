// Validates every object of rendered Kubernetes manifests (multi-document YAML files given as arguments):
//  - built-in kinds: strictly against the Kubernetes 1.32 API model (@kubernetes/client-node 1.0.0): every field
//    must exist, with the right type; then required fields, enums and formats (kubernetes-models);
//  - ServiceMonitor: @kubernetes-models/prometheus-operator;
//  - CloudNativePG and Keycloak custom resources: the vendored subsets in k8s/schemas (see its README).
// Exits non-zero and lists every problem when anything is invalid; an unknown apiVersion/kind is a problem too.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import YAML from "yaml";
import Ajv from "ajv";
import * as k8s from "@kubernetes/client-node";

const here = path.dirname(fileURLToPath(import.meta.url));
const schemas = path.join(here, "../../k8s/schemas");
const ajv = new Ajv({ allErrors: true, strict: false });
const crds = {};
for (const [file, group] of [["cnpg-v1.json", "postgresql.cnpg.io/v1"], ["keycloak-v2alpha1.json", "k8s.keycloak.org/v2alpha1"]]) {
  const doc = JSON.parse(fs.readFileSync(path.join(schemas, file), "utf8"));
  for (const [kind, schema] of Object.entries(doc)) {
    if (kind === "definitions" || kind === "$comment") continue;
    crds[`${group}/${kind}`] = ajv.compile({ ...schema, definitions: doc.definitions });
  }
}

const problems = [];
const primitive = { string: "string", number: "number", boolean: "boolean", Date: "string" };

function strict(value, type, where) {
  if (value === null || value === undefined) return;
  if (type === "any" || type === "object") return;
  if (type === "IntOrString") {
    if (typeof value !== "string" && !Number.isInteger(value)) problems.push(`${where}: must be an integer or a string`);
    return;
  }
  if (primitive[type]) {
    if (typeof value !== primitive[type]) problems.push(`${where}: must be a ${type}, is ${JSON.stringify(value)}`);
    if (type === "number" && typeof value === "number" && !Number.isFinite(value)) problems.push(`${where}: not a number`);
    return;
  }
  let m = /^Array<(.+)>$/.exec(type);
  if (m) {
    if (!Array.isArray(value)) return problems.push(`${where}: must be a list`);
    value.forEach((v, i) => strict(v, m[1], `${where}[${i}]`));
    return;
  }
  m = /^\{ \[key: string\]: (.+); \}$/.exec(type);
  if (m) {
    if (typeof value !== "object" || Array.isArray(value)) return problems.push(`${where}: must be a map`);
    for (const [key, v] of Object.entries(value)) strict(v, m[1], `${where}.${key}`);
    return;
  }
  const model = k8s[type];
  if (!model || typeof model.getAttributeTypeMap !== "function") {
    problems.push(`${where}: no model for type ${type}`);
    return;
  }
  if (typeof value !== "object" || Array.isArray(value)) return problems.push(`${where}: must be an object (${type})`);
  const fields = new Map(model.getAttributeTypeMap().map((a) => [a.baseName, a.type]));
  for (const [key, v] of Object.entries(value)) {
    if (!fields.has(key)) problems.push(`${where}.${key}: unknown field (not in ${type}, Kubernetes 1.32)`);
    else strict(v, fields.get(key), `${where}.${key}`);
  }
}

async function kubernetesModel(apiVersion, kind) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : [null, apiVersion];
  const pkg = group === "monitoring.coreos.com" ? `@kubernetes-models/prometheus-operator/${apiVersion}` : group ? `kubernetes-models/${apiVersion}` : `kubernetes-models/${version}`;
  try {
    return (await import(pkg))[kind];
  } catch {
    return undefined;
  }
}

let count = 0;
for (const file of process.argv.slice(2)) {
  for (const doc of YAML.parseAllDocuments(fs.readFileSync(file, "utf8"))) {
    if (doc.errors.length) {
      problems.push(`${file}: ${doc.errors.map((e) => e.message).join("; ")}`);
      continue;
    }
    const obj = doc.toJS();
    if (!obj) continue;
    count++;
    const where = `${file}: ${obj.kind}/${obj.metadata?.name}`;
    const key = `${obj.apiVersion}/${obj.kind}`;
    if (crds[key]) {
      if (!crds[key](obj)) for (const e of crds[key].errors) problems.push(`${where}${e.instancePath}: ${e.message} ${JSON.stringify(e.params)}`);
      continue;
    }
    const Model = await kubernetesModel(obj.apiVersion, obj.kind);
    if (!Model) {
      problems.push(`${where}: no schema for ${key}`);
      continue;
    }
    if (!obj.apiVersion.startsWith("monitoring.coreos.com/")) {
      const [group, version] = obj.apiVersion.includes("/") ? obj.apiVersion.split("/") : ["", obj.apiVersion];
      const type = version.charAt(0).toUpperCase() + version.slice(1) + obj.kind;
      strict(obj, type, where);
    }
    try {
      new Model(obj).validate();
    } catch (e) {
      problems.push(`${where}: ${e.message}`);
    }
  }
}
if (problems.length) {
  console.error(problems.join("\n"));
  console.error(`${problems.length} problem(s) in ${count} object(s)`);
  process.exit(1);
}
console.log(`${count} objects valid`);
