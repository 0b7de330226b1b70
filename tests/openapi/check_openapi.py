#!/usr/bin/env python3
"""Checks docs/openapi.yaml against the route tables and against real answers.

Usage:
    python3 tests/openapi/check_openapi.py routes OPENAPI_YAML ROUTES_FILE
    python3 tests/openapi/check_openapi.py answers OPENAPI_YAML ANSWERS_JSONL [--skip-empty CODE]
    python3 tests/openapi/check_openapi.py lint OPENAPI_YAML

routes
    ROUTES_FILE holds one route a line, `METHOD PATH` (e.g. `GET /api/v1/tickets/{id}`), with
    the path parameters named as in the route tables; blank lines and `#` comments are ignored.
    The operations of the document must be exactly these.

answers
    ANSWERS_JSONL holds one answer a line, as the integration tests record them
    (MOTCUA_ANSWER_LOG): {"method", "target", "status", "content_type", "body"}. Each answer's
    path, method and status must be documented; a JSON answer's body must validate against
    the response's `application/json` schema (JSON Schema 2020-12). The router's own answers
    to requests no route takes (404 for a path no route has, 405 for a method a path does
    not have) are accepted when their body is an `Error`. Prints a summary line on stdout.

lint
    Checks the document itself: `openapi: 3.1.x`, every `$ref` resolves, every component
    schema is a valid 2020-12 schema, every example validates against its schema, every
    operation has a success answer (2xx; or 101 for the WebSocket upgrade, 303 for the HTML
    form that redirects to its result) and every path parameter of a template is declared.

Problems go to standard error, one a line (identical ones once, with a count). Exit status:
0 when all is well, 1 when there are problems, 2 on bad usage.

Only the standard library, PyYAML and jsonschema (Debian's python3-yaml, python3-jsonschema)
are needed.
"""

import argparse
import collections
import json
import re
import sys
import urllib.parse

import jsonschema
import yaml

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
ERROR_SCHEMA = "/components/schemas/Error"


# ---- reading the inputs ---------------------------------------------------------------------


def load_document(path):
    """The OpenAPI document as Python data, response keys as strings ("200", not 200)."""
    with open(path, encoding="utf-8") as f:
        document = yaml.safe_load(f)
    if isinstance(document, dict):
        for _, _, operation, _ in operations(document):
            responses = operation.get("responses") or {}
            operation["responses"] = {str(code): answer for code, answer in responses.items()}
    return document


def read_routes(path):
    """The set of (METHOD, path) of a routes file."""
    routes = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            parts = line.split()
            if len(parts) != 2:
                raise ValueError(f"{path}: not 'METHOD PATH': {line!r}")
            routes.add((parts[0].upper(), parts[1]))
    return routes


def read_answers(path):
    """The recorded answers, in order: (line number, answer dict or None if unreadable)."""
    answers = []
    # Bodies of PDF and Excel answers are bytes, not text: keep what cannot be decoded readable.
    with open(path, encoding="utf-8", errors="replace") as f:
        for number, line in enumerate(f, start=1):
            if not line.strip():
                continue
            try:
                answer = json.loads(line)
            except ValueError:
                answer = None
            answers.append((number, answer if isinstance(answer, dict) else None))
    return answers


# ---- the document ---------------------------------------------------------------------------


def operations(document):
    """Every operation: (METHOD, path template, operation object, path item)."""
    for path, item in (document.get("paths") or {}).items():
        for method in HTTP_METHODS:
            if isinstance(item, dict) and isinstance(item.get(method), dict):
                yield method.upper(), path, item[method], item


def pointer_escape(key):
    """A key as one JSON pointer token."""
    return str(key).replace("~", "~0").replace("/", "~1")


def resolve_pointer(document, pointer):
    """The value at a JSON pointer ("/components/schemas/Ticket"); KeyError when there is none."""
    value = document
    if pointer == "":
        return value
    if not pointer.startswith("/"):
        raise KeyError(pointer)
    for token in urllib.parse.unquote(pointer)[1:].split("/"):
        token = token.replace("~1", "/").replace("~0", "~")
        if isinstance(value, list):
            value = value[int(token)]
        elif isinstance(value, dict) and token in value:
            value = value[token]
        else:
            raise KeyError(pointer)
    return value


def is_reference(value):
    return isinstance(value, dict) and isinstance(value.get("$ref"), str)


def follow_ref(document, value):
    """`value`, or what its `$ref` names when it is a Reference Object (siblings ignored)."""
    for _ in range(20):  # a loop of references ends here
        if not is_reference(value):
            break
        value = resolve_pointer(document, value["$ref"][1:])
    return value


def final_pointer(document, pointer):
    """`pointer`, or where the Reference Objects found there lead."""
    for _ in range(20):
        value = resolve_pointer(document, pointer)
        if not is_reference(value):
            break
        pointer = value["$ref"][1:]
    return pointer


class SchemaChecker:
    """Validates data against the schema at a JSON pointer of the document.

    The validator's root is the whole document with a `$ref` to the schema, so that `#/...`
    references inside resolve against the document, on old (RefResolver) and new
    (referencing) versions of jsonschema alike. The document's own keys are no JSON Schema
    keywords and are ignored.
    """

    def __init__(self, document):
        self.document = document
        self.validators = {}

    def errors(self, pointer, data):
        """Validation errors of `data`, best first; empty when it is valid."""
        validator = self.validators.get(pointer)
        if validator is None:
            root = dict(self.document)
            root["$ref"] = "#" + pointer
            validator = jsonschema.Draft202012Validator(root)
            self.validators[pointer] = validator
        try:
            found = list(validator.iter_errors(data))
        except Exception as e:  # noqa: BLE001 - an unresolvable $ref; its class differs by version
            return [SchemaFailure(f"the schema cannot be used: {e.__class__.__name__}")]
        if not found:
            return []
        best = jsonschema.exceptions.best_match(found)
        return [best] + [e for e in found if e is not best]


class SchemaFailure:
    """Stands for a validation error when the schema itself fails (a $ref that leads nowhere)."""

    def __init__(self, message):
        self.message = message
        self.absolute_path = []
        self.context = []


def json_path(error):
    """Where in the body an error is, as `$.rows[0].wait_s`."""
    text = "$"
    for part in error.absolute_path:
        text += f"[{part}]" if isinstance(part, int) else f".{part}"
    return text


# ---- routes ---------------------------------------------------------------------------------


def check_routes(document, routes):
    """Problems: operations missing from the document or from the routes file."""
    documented = {(method, path) for method, path, _, _ in operations(document)}
    problems = []
    for method, path in sorted(routes - documented, key=lambda r: (r[1], r[0])):
        problems.append(f"not in the document: {method} {path}")
    for method, path in sorted(documented - routes, key=lambda r: (r[1], r[0])):
        problems.append(f"not in the route tables: {method} {path}")
    return problems


# ---- answers --------------------------------------------------------------------------------


def segments(path):
    """Path segments, empty ones dropped (as the routers split paths)."""
    return [s for s in path.split("/") if s]


def is_parameter(segment):
    return len(segment) >= 2 and segment.startswith("{") and segment.endswith("}")


def match_template(document, path):
    """The path template serving `path`, a literal segment winning over a parameter; or None."""
    parts = segments(path)
    best, best_rank = None, None
    for template in document.get("paths") or {}:
        pattern = segments(template)
        if len(pattern) != len(parts):
            continue
        if not all(is_parameter(p) or p == s for p, s in zip(pattern, parts)):
            continue
        rank = [1 if is_parameter(p) else 0 for p in pattern]
        if best_rank is None or rank < best_rank:
            best, best_rank = template, rank
    return best


def find_response(operation, status):
    """The response key documenting `status`: exact, then 4XX/5XX, then default; or None."""
    responses = {k.upper(): k for k in (operation.get("responses") or {})}
    for key in (str(status), f"{status // 100}XX", "DEFAULT"):
        if key in responses:
            return responses[key]
    return None


def is_json(content_type):
    return (content_type or "").split(";")[0].strip().lower() == "application/json"


def check_error_body(checker, answer, where):
    """Problems of a router answer (404/405) that no operation documents: it must be an Error."""
    try:
        body = json.loads(answer.get("body") or "")
    except ValueError:
        return [f"{where}: body is not JSON"]
    return describe_errors(checker.errors(ERROR_SCHEMA, body), where)


def describe_errors(errors, where, what="body"):
    """One problem naming the first (best) validation error and where it is, or none."""
    if not errors:
        return []
    first = errors[0]
    text = f"{where}: {what} does not match the schema: {first.message} at {json_path(first)}"
    if first.context:  # anyOf/oneOf: say why the closest branch failed
        inner = jsonschema.exceptions.best_match(first.context)
        text += f" ({inner.message} at {json_path(inner)})"
    return [text]


def check_answer(document, checker, answer, used):
    """Problems of one recorded answer; adds the operation it hit to `used`."""
    method = str(answer.get("method", "")).upper()
    target = str(answer.get("target", ""))
    status = answer.get("status")
    content_type = answer.get("content_type", "")
    path = target.split("?", 1)[0]
    if not isinstance(status, int):
        return [f"{method} {target}: no status"]

    template = match_template(document, path)
    if template is None:
        if status == 404 and is_json(content_type):
            return check_error_body(checker, answer, f"{method} {path} {status} (no route)")
        return [f"{method} {path}: unknown path (status {status})"]
    item = document["paths"][template]
    operation = item.get(method.lower()) if method.lower() in HTTP_METHODS else None
    if operation is None:
        if status == 405 and is_json(content_type):
            return check_error_body(checker, answer, f"{method} {template} {status} (other method)")
        return [f"{method} {template}: undocumented method (status {status})"]
    used.add((method, template))

    where = f"{method} {template} {status}"
    key = find_response(operation, status)
    if key is None:
        return [f"{where}: undocumented status"]
    if not is_json(content_type):
        return []
    tokens = ["paths", template, method.lower(), "responses", key]
    response_at = final_pointer(document, "".join("/" + pointer_escape(t) for t in tokens))
    response = resolve_pointer(document, response_at)
    if "application/json" not in (response.get("content") or {}):
        return [f"{where}: answered JSON, but the response documents no application/json"]
    try:
        body = json.loads(answer.get("body") or "")
    except ValueError:
        return [f"{where}: body is not JSON"]
    schema_at = response_at + "/content/application~1json/schema"
    return describe_errors(checker.errors(schema_at, body), where)


def check_answers(document, answers):
    """(problems, operations used) for the recorded answers."""
    checker = SchemaChecker(document)
    problems = []
    used = set()
    for number, answer in answers:
        if answer is None:
            problems.append(f"line {number}: not a JSON object")
            continue
        problems.extend(check_answer(document, checker, answer, used))
    return problems, used


# ---- lint -----------------------------------------------------------------------------------


def walk(value, pointer=""):
    """Every (pointer, value) of the document, depth first."""
    yield pointer, value
    if isinstance(value, dict):
        for key, child in value.items():
            yield from walk(child, f"{pointer}/{pointer_escape(key)}")
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from walk(child, f"{pointer}/{index}")


def lint_version(document):
    version = str(document.get("openapi", ""))
    if re.fullmatch(r"3\.1\.\d+", version):
        return []
    return [f"openapi is {version!r}, not 3.1.x"]


def lint_refs(document):
    problems = []
    for pointer, value in walk(document):
        if not is_reference(value):
            continue
        ref = value["$ref"]
        if not ref.startswith("#/"):
            problems.append(f"{pointer}: $ref {ref!r} is not local to the document")
            continue
        try:
            resolve_pointer(document, ref[1:])
        except (KeyError, IndexError, ValueError):
            problems.append(f"{pointer}: $ref {ref!r} does not resolve")
    return problems


def lint_schemas(document):
    problems = []
    schemas = (document.get("components") or {}).get("schemas") or {}
    for name, schema in schemas.items():
        try:
            jsonschema.Draft202012Validator.check_schema(schema)
        except jsonschema.exceptions.SchemaError as e:
            problems.append(f"components/schemas/{name}: not a valid schema: {e.message}")
    return problems


def example_values(holder):
    """(label, value) of the examples of a media type, parameter or header."""
    found = []
    if "example" in holder:
        found.append(("example", holder["example"]))
    examples = holder.get("examples")
    if isinstance(examples, dict):
        for name, example in examples.items():
            if isinstance(example, dict) and "value" in example:
                found.append((f"examples/{name}", example["value"]))
    return found


def lint_examples(document):
    """Examples of media types, parameters, headers and component schemas against their schema."""
    checker = SchemaChecker(document)
    problems = []
    for pointer, value in walk(document):
        if not isinstance(value, dict):
            continue
        if isinstance(value.get("schema"), dict) and not pointer.startswith("/components/schemas"):
            for label, example in example_values(value):
                where = f"{pointer}/{label}"
                errors = checker.errors(pointer + "/schema", example)
                problems.extend(describe_errors(errors, where, "example"))
    schemas = (document.get("components") or {}).get("schemas") or {}
    for name, schema in schemas.items():
        pointer = f"/components/schemas/{pointer_escape(name)}"
        for index, example in enumerate(schema.get("examples") or []):
            where = f"{pointer}/examples/{index}"
            problems.extend(describe_errors(checker.errors(pointer, example), where, "example"))
        if "example" in schema:
            errors = checker.errors(pointer, schema["example"])
            problems.extend(describe_errors(errors, pointer, "example"))
    return problems


def lint_operations(document):
    """Each operation: a success answer, and every path parameter declared (and no stray one)."""
    problems = []
    for method, path, operation, item in operations(document):
        where = f"{method} {path}"
        codes = [str(k).upper() for k in (operation.get("responses") or {})]
        if not any(c.startswith("2") or c in ("101", "303") for c in codes):
            problems.append(f"{where}: no 2xx response")
        declared = set()
        for parameter in (item.get("parameters") or []) + (operation.get("parameters") or []):
            parameter = follow_ref(document, parameter)
            if parameter.get("in") == "path":
                declared.add(parameter.get("name"))
                if parameter.get("required") is not True:
                    problems.append(f"{where}: path parameter {parameter.get('name')} not required")
        in_template = {s[1:-1] for s in segments(path) if is_parameter(s)}
        for name in sorted(in_template - declared):
            problems.append(f"{where}: path parameter {{{name}}} is not declared")
        for name in sorted(declared - in_template):
            problems.append(f"{where}: declares path parameter {name}, not in the template")
    return problems


def lint(document):
    return (
        lint_version(document)
        + lint_refs(document)
        + lint_schemas(document)
        + lint_examples(document)
        + lint_operations(document)
    )


# ---- output ---------------------------------------------------------------------------------


def report(problems):
    """Prints the problems, identical ones once with a count; returns how many distinct."""
    counts = collections.Counter(problems)
    for problem in dict.fromkeys(problems):
        n = counts[problem]
        print(problem if n == 1 else f"{problem} (×{n})", file=sys.stderr)
    return len(counts)


def main(argv):
    parser = argparse.ArgumentParser(
        description="Check docs/openapi.yaml against the route tables and recorded answers."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    routes = commands.add_parser("routes", help="operations equal the routes of ROUTES_FILE")
    routes.add_argument("openapi")
    routes.add_argument("routes_file")
    answers = commands.add_parser("answers", help="recorded answers match the document")
    answers.add_argument("openapi")
    answers.add_argument("answers_jsonl")
    answers.add_argument(
        "--skip-empty",
        type=int,
        metavar="CODE",
        help="exit with CODE when no answer was recorded (ctest: run without the tests)",
    )
    lint_cmd = commands.add_parser("lint", help="the document itself is sound")
    lint_cmd.add_argument("openapi")
    args = parser.parse_args(argv)  # exits 2 on bad usage

    try:
        document = load_document(args.openapi)
    except (OSError, yaml.YAMLError) as e:
        print(f"{args.openapi}: {e}", file=sys.stderr)
        return 1
    if not isinstance(document, dict):
        print(f"{args.openapi}: not an OpenAPI document", file=sys.stderr)
        return 1

    if args.command == "routes":
        try:
            problems = check_routes(document, read_routes(args.routes_file))
        except (OSError, ValueError) as e:
            print(e, file=sys.stderr)
            return 1
        distinct = report(problems)
        print(f"{sum(1 for _ in operations(document))} operations checked: {distinct} problems")
    elif args.command == "answers":
        try:
            recorded = read_answers(args.answers_jsonl)
        except FileNotFoundError:
            recorded = []
        except OSError as e:
            print(e, file=sys.stderr)
            return 1
        if not recorded and args.skip_empty is not None:
            print(f"{args.answers_jsonl}: no answers recorded (run with the integration tests)")
            return args.skip_empty
        problems, used = check_answers(document, recorded)
        distinct = report(problems)
        print(f"{len(recorded)} answers checked on {len(used)} operations: {distinct} problems")
    else:
        problems = lint(document)
        distinct = report(problems)
        print(f"{sum(1 for _ in operations(document))} operations linted: {distinct} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
