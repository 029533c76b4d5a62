/**
 * The compiled form of the NetSuite XSDs: what the validator walks. Names are `{namespace}local` keys
 * (namespaces always in their 2023_2 form).
 */

export const XSD_NS = 'http://www.w3.org/2001/XMLSchema';
export const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';
export const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';
export const SOAP_ENV_NS = 'http://schemas.xmlsoap.org/soap/envelope/';

export type QKey = string;

export const qkey = (ns: string, local: string): QKey => `{${ns}}${local}`;

export interface ElementParticle {
  kind: 'element';
  ns: string;
  name: string;
  type: QKey;
  min: number;
  max: number;
}

export interface GroupParticle {
  kind: 'sequence' | 'choice';
  items: Particle[];
  min: number;
  max: number;
}

export type Particle = ElementParticle | GroupParticle;

export interface AttributeDecl {
  name: string;
  type: QKey;
  required: boolean;
}

export interface ComplexTypeDef {
  kind: 'complex';
  key: QKey;
  abstract: boolean;
  /** Base type of a complexContent/simpleContent extension. */
  base?: QKey;
  /** simpleContent: the text is validated against the base simple type. */
  simpleContent: boolean;
  /** Own content (for an extension: what follows the base's content). */
  own?: GroupParticle;
  ownAttributes: AttributeDecl[];
}

export interface SimpleTypeDef {
  kind: 'simple';
  key: QKey;
  base: QKey;
  enumeration?: ReadonlySet<string>;
}

export type TypeDef = ComplexTypeDef | SimpleTypeDef;

export interface GlobalElement {
  ns: string;
  name: string;
  type: QKey;
}

/** The resolved view of a complex type, computed once per type on first use. */
export interface EffectiveComplexType {
  def: ComplexTypeDef;
  /** Full content model (base content first), undefined for simple content/empty types. */
  content?: GroupParticle;
  /** All attributes (own and inherited), by local name. */
  attributes: ReadonlyMap<string, AttributeDecl>;
  /** Simple content: the built-in or simple type of the text. */
  textType?: QKey;
}

export interface SchemaSet {
  types: ReadonlyMap<QKey, TypeDef>;
  elements: ReadonlyMap<QKey, GlobalElement>;
  /** Lazily filled cache of effective complex types. */
  effective: Map<QKey, EffectiveComplexType>;
  /** Namespaces the schemas define (2023_2 form). */
  namespaces: ReadonlySet<string>;
}
