/**
 * A form generated from the scenario's JSON Schema (src/model/jsonSchema.ts, the same document
 * as GET /schema and `parley schema`): objects become fieldsets, lists get add and remove
 * buttons, enums become selects, discriminated unions (party role, event kind) a select of the
 * kind, and uncertain numbers a choice of point value, range, triangle or normal. Each control is
 * labelled, described by the schema's text, and shows the validator's messages for its path.
 */
import { useId, type JSX } from 'react';
import type { InputIssue } from '../../../src/model/index.ts';
import { pathKey, type Path } from './draft.ts';

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: (string | number)[];
  const?: string | number | boolean;
  default?: unknown;
  description?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
}

export interface FieldProps {
  schema: JsonSchema;
  value: unknown;
  path: Path;
  label: string;
  onChange: (path: Path, value: unknown) => void;
  issues: Map<string, InputIssue[]>;
}

type Plain = Record<string, unknown>;
const isPlain = (x: unknown): x is Plain =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

export const humanize = (key: string): string =>
  key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase());

const shortHelp = (s: JsonSchema) =>
  s.description?.replace(/ A number, or \{low, high\}.*$/, '').replace(/\. Range .*$/, '');

function Messages({
  issues,
  id,
}: {
  issues: InputIssue[] | undefined;
  id: string;
}): JSX.Element | null {
  if (!issues?.length) return null;
  return (
    <span className="field-error" id={id} role="alert">
      {issues.map((i, k) => (
        <span key={k}>✖ {i.message}</span>
      ))}
    </span>
  );
}

export function Field(p: FieldProps): JSX.Element {
  const { schema } = p;
  if (schema.oneOf) return <UnionField {...p} />;
  if (schema.anyOf && schema.anyOf.some((b) => b.type === 'object'))
    return <UncertainField {...p} />;
  if (schema.anyOf) {
    const nonNull = schema.anyOf.find((b) => b.type !== 'null');
    return <ScalarField {...p} schema={{ ...nonNull, description: schema.description }} nullable />;
  }
  if (schema.type === 'object' && schema.properties) return <ObjectField {...p} />;
  if (schema.type === 'object') return <RecordField {...p} />;
  if (schema.type === 'array') return <ArrayField {...p} />;
  return <ScalarField {...p} />;
}

function ScalarField(p: FieldProps & { nullable?: boolean }): JSX.Element {
  const id = useId();
  const { schema, value, path } = p;
  const issues = p.issues.get(pathKey(path));
  const help = shortHelp(schema);
  const describedBy =
    [help ? `${id}-help` : '', issues ? `${id}-err` : ''].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    'aria-describedby': describedBy,
    'aria-invalid': issues ? true : undefined,
    'data-path': pathKey(path),
  };
  let control: JSX.Element;
  if (schema.const !== undefined) control = <output id={id}>{String(schema.const)}</output>;
  else if (schema.enum)
    control = (
      <select
        {...common}
        value={typeof value === 'string' || typeof value === 'number' ? String(value) : ''}
        onChange={(e) => p.onChange(path, e.target.value === '' ? undefined : e.target.value)}
      >
        <option value="">
          {schema.default !== undefined ? `(default: ${JSON.stringify(schema.default)})` : '(none)'}
        </option>
        {schema.enum.map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </select>
    );
  else if (schema.type === 'boolean')
    control = (
      <input
        {...common}
        type="checkbox"
        checked={value === undefined ? schema.default === true : value === true}
        onChange={(e) => p.onChange(path, e.target.checked)}
      />
    );
  else if (schema.type === 'number' || schema.type === 'integer')
    control = <NumberInput {...p} common={common} />;
  else
    control = (
      <input
        {...common}
        type="text"
        value={
          typeof value === 'string'
            ? value
            : value === undefined || value === null
              ? ''
              : JSON.stringify(value)
        }
        onChange={(e) => p.onChange(path, e.target.value === '' ? undefined : e.target.value)}
      />
    );
  return (
    <div className={`field${issues ? ' invalid' : ''}`}>
      <label htmlFor={id}>{p.label}</label>
      {control}
      {help ? (
        <span className="help" id={`${id}-help`}>
          {help}
        </span>
      ) : null}
      <Messages issues={issues} id={`${id}-err`} />
    </div>
  );
}

function NumberInput(
  p: FieldProps & { nullable?: boolean; common: Record<string, unknown> },
): JSX.Element {
  const { value, schema } = p;
  return (
    <input
      {...p.common}
      type="number"
      inputMode="decimal"
      step={schema.type === 'integer' ? 1 : 'any'}
      min={schema.minimum}
      max={schema.maximum}
      placeholder={
        schema.default !== undefined ? `default ${JSON.stringify(schema.default)}` : undefined
      }
      value={typeof value === 'number' ? value : ''}
      onChange={(e) => {
        const t = e.target.value;
        p.onChange(p.path, t === '' ? (p.nullable ? null : undefined) : Number(t));
      }}
    />
  );
}

const SHAPES = {
  point: ['value'],
  range: ['low', 'high'],
  triangle: ['low', 'mode', 'high'],
  normal: ['mean', 'sd'],
} as const;
type Shape = keyof typeof SHAPES;

function shapeOf(v: unknown): Shape {
  if (!isPlain(v)) return 'point';
  if ('mean' in v) return 'normal';
  if ('mode' in v) return 'triangle';
  return 'range';
}

/** An uncertain number: a point value or a distribution (src/model/uncertain.ts). */
function UncertainField(p: FieldProps): JSX.Element {
  const id = useId();
  const point = p.schema.anyOf!.find((b) => b.type === 'number' || b.type === 'integer')!;
  const shape = shapeOf(p.value);
  const key = pathKey(p.path);
  // messages at this path or inside the distribution
  const own = [...p.issues.entries()]
    .filter(([k]) => k === key || k.startsWith(key + '.'))
    .flatMap(([, v]) => v);
  const help = shortHelp(p.schema);
  const central = (v: unknown): number | undefined =>
    typeof v === 'number'
      ? v
      : isPlain(v)
        ? ((v.mode ??
            v.mean ??
            (typeof v.low === 'number' && typeof v.high === 'number'
              ? (v.low + v.high) / 2
              : undefined)) as number | undefined)
        : undefined;
  const change = (s: Shape) => {
    const c = central(p.value) ?? (p.schema.default as number);
    const sd = ((point.maximum ?? 1) - (point.minimum ?? 0)) / 20;
    const r = (x: number) => Math.round(x * 1000) / 1000;
    const lo = r(Math.max(point.minimum ?? -Infinity, c - sd));
    const hi = r(Math.min(point.maximum ?? Infinity, c + sd));
    p.onChange(
      p.path,
      s === 'point'
        ? c
        : s === 'range'
          ? { low: lo, high: hi }
          : s === 'triangle'
            ? { low: lo, mode: c, high: hi }
            : { mean: c, sd: r(sd) },
    );
  };
  return (
    <fieldset
      className={`field uncertain${own.length ? ' invalid' : ''}`}
      aria-describedby={help ? `${id}-help` : undefined}
    >
      <legend>{p.label}</legend>
      <select
        aria-label={`${p.label}: kind of value`}
        value={shape}
        onChange={(e) => change(e.target.value as Shape)}
      >
        <option value="point">exact value</option>
        <option value="range">range (uniform)</option>
        <option value="triangle">triangle</option>
        <option value="normal">normal</option>
      </select>
      {shape === 'point' ? (
        <NumberField
          {...p}
          schema={{ ...point, default: p.schema.default }}
          label="value"
          path={p.path}
          value={p.value}
        />
      ) : (
        SHAPES[shape].map((k) => (
          <NumberField
            key={k}
            {...p}
            schema={k === 'sd' ? { type: 'number', minimum: 0 } : point}
            label={k}
            path={[...p.path, k]}
            value={isPlain(p.value) ? p.value[k] : undefined}
          />
        ))
      )}
      {help ? (
        <span className="help" id={`${id}-help`}>
          {help}
        </span>
      ) : null}
      <Messages issues={own} id={`${id}-err`} />
    </fieldset>
  );
}

function NumberField(p: FieldProps): JSX.Element {
  const id = useId();
  return (
    <span className="inline-number">
      <label htmlFor={id}>{p.label}</label>
      <NumberInput
        {...p}
        common={{
          id,
          'data-path': pathKey(p.path),
          'aria-invalid': p.issues.has(pathKey(p.path)) || undefined,
        }}
      />
    </span>
  );
}

function ObjectField(p: FieldProps): JSX.Element {
  const value = isPlain(p.value) ? p.value : {};
  const props = Object.entries(p.schema.properties ?? {});
  const issues = p.issues.get(pathKey(p.path));
  const body = props.map(([k, s]) => (
    <Field
      key={k}
      schema={s}
      value={value[k]}
      path={[...p.path, k]}
      label={humanize(k)}
      onChange={p.onChange}
      issues={p.issues}
    />
  ));
  if (p.path.length === 0) return <>{body}</>;
  return (
    <fieldset className="group">
      <legend>{p.label}</legend>
      <Messages issues={issues} id={`${pathKey(p.path)}-err`} />
      {body}
    </fieldset>
  );
}

/** A mapping with free keys (e.g. front.demands by belligerent id). */
function RecordField(p: FieldProps): JSX.Element {
  const value = isPlain(p.value) ? p.value : {};
  const item =
    typeof p.schema.additionalProperties === 'object'
      ? p.schema.additionalProperties
      : { type: 'string' };
  const keyId = useId();
  return (
    <fieldset className="group">
      <legend>{p.label}</legend>
      {shortHelp(p.schema) ? <p className="help">{shortHelp(p.schema)}</p> : null}
      {Object.entries(value).map(([k, v]) => (
        <div key={k} className="record-row">
          <Field
            schema={item}
            value={v}
            path={[...p.path, k]}
            label={k}
            onChange={p.onChange}
            issues={p.issues}
          />
          <button
            type="button"
            onClick={() => p.onChange([...p.path, k], undefined)}
            aria-label={`Remove ${k}`}
          >
            Remove
          </button>
        </div>
      ))}
      <form
        className="record-add"
        onSubmit={(e) => {
          e.preventDefault();
          const input = e.currentTarget.elements.namedItem('key') as HTMLInputElement;
          if (input.value) p.onChange([...p.path, input.value], item.default ?? 0.5);
          input.value = '';
        }}
      >
        <label htmlFor={keyId}>Add key</label>
        <input id={keyId} name="key" type="text" />
        <button type="submit">Add</button>
      </form>
    </fieldset>
  );
}

function ArrayField(p: FieldProps): JSX.Element {
  const items: unknown[] = Array.isArray(p.value) ? (p.value as unknown[]) : [];
  const item = p.schema.items ?? {};
  const titleOf = (v: unknown, k: number) =>
    (isPlain(v)
      ? [v.name, v.id, v.patron, v.kind].find((x) => typeof x === 'string')
      : undefined) ?? `#${k + 1}`;
  return (
    <fieldset className="group list">
      <legend>
        {p.label} <span className="muted">({items.length})</span>
      </legend>
      <Messages issues={p.issues.get(pathKey(p.path))} id={`${pathKey(p.path)}-err`} />
      {items.map((v, k) => (
        <details key={k} className="item" open={items.length <= 3}>
          <summary>
            {titleOf(v, k)}
            {isPlain(v) && typeof v.role === 'string' ? (
              <span className="muted"> — {v.role}</span>
            ) : null}
            {isPlain(v) && typeof v.kind === 'string' && typeof v.month === 'number' ? (
              <span className="muted"> — month {v.month}</span>
            ) : null}
          </summary>
          <Field
            schema={item}
            value={v}
            path={[...p.path, k]}
            label={titleOf(v, k)}
            onChange={p.onChange}
            issues={p.issues}
          />
          <button
            type="button"
            className="remove"
            onClick={() =>
              p.onChange(
                p.path,
                items.filter((_, j) => j !== k),
              )
            }
          >
            Remove {titleOf(v, k)}
          </button>
        </details>
      ))}
      <button
        type="button"
        onClick={() => p.onChange(p.path, [...items, newItem(item, items.length)])}
      >
        Add to {p.label.toLowerCase()}
      </button>
    </fieldset>
  );
}

/** A fresh list item: for a union its first kind, with its required fields filled plausibly. */
function newItem(s: JsonSchema, n: number): unknown {
  const branch = s.oneOf ? s.oneOf[0] : s;
  if (branch.type !== 'object') return branch.default ?? 0;
  const out: Plain = {};
  for (const k of branch.required ?? []) {
    const f = branch.properties?.[k] ?? {};
    out[k] =
      f.const ??
      (k === 'id'
        ? `item-${n + 1}`
        : k === 'name'
          ? `Item ${n + 1}`
          : f.enum
            ? f.enum[0]
            : f.type === 'integer' || f.type === 'number'
              ? (f.minimum ?? 0)
              : '');
  }
  return out;
}

/** A discriminated union (party role, event kind): pick the kind, then its fields. */
function UnionField(p: FieldProps): JSX.Element {
  const id = useId();
  const branches = p.schema.oneOf!;
  const disc =
    Object.keys(branches[0].properties ?? {}).find((k) =>
      branches.every((b) => b.properties?.[k]?.const !== undefined),
    ) ?? 'kind';
  const value = isPlain(p.value) ? p.value : {};
  const current = branches.find((b) => b.properties?.[disc]?.const === value[disc]) ?? branches[0];
  const { [disc]: _d, ...rest } = current.properties ?? {};
  return (
    <div className="union">
      <div className="field">
        <label htmlFor={id}>{humanize(disc)}</label>
        <select
          id={id}
          value={String(value[disc])}
          onChange={(e) => {
            const next = branches.find((b) => b.properties?.[disc]?.const === e.target.value)!;
            const keep = Object.fromEntries(
              Object.entries(value).filter(([k]) => k in (next.properties ?? {})),
            );
            p.onChange(p.path, { ...(newItem(next, 0) as Plain), ...keep, [disc]: e.target.value });
          }}
        >
          {branches.map((b) => (
            <option
              key={String(b.properties?.[disc]?.const)}
              value={String(b.properties?.[disc]?.const)}
            >
              {String(b.properties?.[disc]?.const)}
            </option>
          ))}
        </select>
      </div>
      <ObjectField {...p} schema={{ ...current, properties: rest }} label={p.label} />
    </div>
  );
}
