"""The URL Swagger UI's Try it out calls for a document's first authorised GET that needs no parameter:
the document's server (relative to the gateway it was served from) joined with the path."""
import json
import sys

doc, gateway = json.load(open(sys.argv[1])), sys.argv[2]
server = doc["servers"][0]["url"]
base = server if server.startswith("http") else gateway.rstrip("/") + "/" + server.strip("/")
for path, item in sorted(doc["paths"].items()):
    get = item.get("get")
    if get and "{" not in path and get.get("security") != [] \
            and not any(p.get("required") for p in get.get("parameters", [])):
        print(base.rstrip("/") + path)
        break
