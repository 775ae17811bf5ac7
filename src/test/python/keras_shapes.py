"""Reads a Keras script exported by the playground without running it (no Keras needed) and
prints its Dense layers (units, activation) and the shapes of the arrays given to set_weights,
as JSON. Used by ExportProtocolTest to compare the script with the TF.js model."""
import ast
import json
import sys


def shape(value):
    dims = []
    while isinstance(value, list):
        dims.append(len(value))
        value = value[0] if value else None
    return dims


tree = ast.parse(open(sys.argv[1], encoding="utf-8").read())
dense, shapes = [], []
for node in ast.walk(tree):
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        if node.func.attr == "Dense":
            activation = [k.value.value for k in node.keywords if k.arg == "activation"][0]
            dense.append([node.args[0].value, activation])
        elif node.func.attr == "set_weights":
            shapes = [shape(ast.literal_eval(array.args[0])) for array in node.args[0].elts]
print(json.dumps({"dense": dense, "shapes": shapes}))
