/** Shape of the generated XSD table (record-schema.generated.ts). */

/** [name, element namespace prefix, type, minOccurs, maxOccurs (-1 = unbounded)] */
export type FieldRow = [string, string, string, number, number];
/** [name, type, required (1/0)] */
export type AttrRow = [string, string, number];

export interface TypeRow {
  /** simpleContent: the text's type. */
  text?: string;
  fields: FieldRow[];
  attrs: AttrRow[];
}

export interface SchemaTable {
  types: Record<string, TypeRow>;
  enums: Record<string, string[]>;
}
