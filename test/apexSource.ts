// Reads Apex classes with @apexdevtools/apex-parser so repository tests can compare Apex declarations with
// JSON contracts without an org. Only what the tests need: annotated methods, fields and inner classes.
import { readFileSync } from 'node:fs';
import {
  ApexParserFactory,
  ApexErrorListener,
  ClassDeclarationContext,
  ClassBodyDeclarationContext
} from '@apexdevtools/apex-parser';

export interface ApexMember {
  name: string;
  type: string;
  annotations: string[];
  isMethod: boolean;
}

export interface ApexClass {
  name: string;
  members: ApexMember[];
  innerClasses: Map<string, ApexClass>;
}

class CollectingErrorListener extends ApexErrorListener {
  readonly errors: string[] = [];
  apexSyntaxError(line: number, column: number, message: string): void {
    this.errors.push(`${line}:${column} ${message}`);
  }
}

function annotationsOf(declaration: ClassBodyDeclarationContext): string[] {
  return declaration
    .modifier_list()
    .map((modifier) => modifier.annotation())
    .filter((annotation) => !!annotation)
    .map((annotation) => annotation.id().getText().toLowerCase());
}

function readClass(declaration: ClassDeclarationContext): ApexClass {
  const result: ApexClass = { name: declaration.id().getText(), members: [], innerClasses: new Map() };
  for (const bodyDeclaration of declaration.classBody().classBodyDeclaration_list()) {
    const member = bodyDeclaration.memberDeclaration();
    if (!member) continue;
    const annotations = annotationsOf(bodyDeclaration);
    const field = member.fieldDeclaration();
    const property = member.propertyDeclaration();
    const method = member.methodDeclaration();
    const inner = member.classDeclaration();
    if (field) {
      const type = field.typeRef().getText();
      for (const variable of field.variableDeclarators().variableDeclarator_list()) {
        result.members.push({ name: variable.id().getText(), type, annotations, isMethod: false });
      }
    } else if (property) {
      result.members.push({
        name: property.id().getText(),
        type: property.typeRef().getText(),
        annotations,
        isMethod: false
      });
    } else if (method) {
      result.members.push({
        name: method.id().getText(),
        type: method.typeRef() ? method.typeRef().getText() : 'void',
        annotations,
        isMethod: true
      });
    } else if (inner) {
      const innerClass = readClass(inner);
      result.innerClasses.set(innerClass.name, innerClass);
    }
  }
  return result;
}

/**
 * Parses one Apex class file; throws on syntax errors so a broken class fails the test loudly.
 */
export function parseApexClass(path: string): ApexClass {
  const listener = new CollectingErrorListener();
  const { parser } = ApexParserFactory.createLexerAndParser(readFileSync(path, 'utf8'), listener);
  const unit = parser.compilationUnit();
  if (listener.errors.length > 0) {
    throw new Error(`${path}: Apex syntax errors: ${listener.errors.join('; ')}`);
  }
  const declaration = unit.typeDeclaration().classDeclaration();
  if (!declaration) throw new Error(`${path}: no top-level class`);
  return readClass(declaration);
}
