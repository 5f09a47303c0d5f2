"""Signs in at the test server as a browser would, through its own pages,
with cookies, following every redirect and submitting each page's form:
for a device code, it opens the verification page and types the code; for
a browser sign-in, it opens the authorization URL (USER_CODE is "-") and
ends at the app's loopback redirect. It logs in as LOGIN and consents, or
with `deny` aborts.

    python3 approve.py URL USER_CODE LOGIN [deny]

Exits 0 when the server says the device is signed in, when the redirect
reached the app, or (with `deny`) when the sign-in was aborted; prints what
it saw otherwise.
"""
import html
import http.cookiejar
import re
import sys
import urllib.parse
import urllib.request

uri, user_code, login = sys.argv[1], sys.argv[2], sys.argv[3]
deny = len(sys.argv) > 4 and sys.argv[4] == "deny"
opener = urllib.request.build_opener(
    urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
)


def fetch(url, form=None):
    data = urllib.parse.urlencode(form).encode() if form is not None else None
    with opener.open(url, data=data, timeout=10) as response:
        return response.geturl(), response.read().decode()


def form_of(page, base):
    match = re.search(r"<form([^>]*)>(.*?)</form>", page, re.S)
    if not match:
        return None
    attributes, body = match.groups()
    action = re.search(r'action="([^"]*)"', attributes)
    target = urllib.parse.urljoin(base, html.unescape(action.group(1)) if action else base)
    fields = {}
    for tag in re.findall(r"<input[^>]*>", body):
        name = re.search(r'name="([^"]*)"', tag)
        if not name:
            continue
        value = re.search(r'value="([^"]*)"', tag)
        fields[name.group(1)] = html.unescape(value.group(1)) if value else ""
    return target, fields


url, page = fetch(uri)
for _ in range(12):
    lowered = page.lower()
    # The browser flow ends at the app's own page on this machine.
    if url.startswith("http://127.0.0.1") and "/callback" in url:
        sys.exit(0)
    abort = re.search(r'href="([^"]*abort[^"]*)"', page)
    if deny and abort:
        url, page = fetch(urllib.parse.urljoin(url, html.unescape(abort.group(1))))
        continue
    if "sign-in" in lowered and "success" in lowered or "your sign-in" in lowered:
        sys.exit(0)
    if deny and ("aborted" in lowered or "denied" in lowered):
        sys.exit(0)
    found = form_of(page, url)
    if found is None:
        break
    target, fields = found
    if "user_code" in fields:
        fields["user_code"] = user_code
    if "login" in fields:
        fields["login"] = login
        fields["password"] = "any"
    if deny and "confirm" in fields:
        # The confirmation page's other button: abort the sign-in.
        fields["abort"] = "yes"
        fields.pop("confirm", None)
        url, page = fetch(target, fields)
        sys.exit(0 if "interrupted" in page.lower() or "aborted" in page.lower() else 1)
    url, page = fetch(target, fields)
print(page, file=sys.stderr)
sys.exit(1)
