"""Drive the Wagtail page editor as a facilitator does: read the edit form back from
the page, change the questionnaire's inline forms, post it."""

from html.parser import HTMLParser

from wagtail.fields import StreamField


class _FormFields(HTMLParser):
    def __init__(self):
        super().__init__()
        self.fields: dict[str, list[str]] = {}
        self._textarea: str | None = None
        self._select: str | None = None
        self._select_value: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            if kind in ("submit", "button", "file"):
                return
            self.fields.setdefault(name, []).append(attrs.get("value") or "")
        elif tag == "textarea" and name:
            self._textarea = name
            self.fields.setdefault(name, []).append("")
        elif tag == "select" and name:
            self._select, self._select_value = name, None
        elif tag == "option" and self._select:
            if "selected" in attrs or self._select_value is None:
                if "selected" in attrs or self._select not in self.fields:
                    self.fields[self._select] = [attrs.get("value") or ""]
                self._select_value = attrs.get("value") or ""

    def handle_data(self, data):
        if self._textarea:
            self.fields[self._textarea][-1] += data

    def handle_endtag(self, tag):
        if tag == "textarea":
            # Django writes a newline after <textarea>; browsers drop it.
            value = self.fields[self._textarea][-1]
            self.fields[self._textarea][-1] = value.removeprefix("\n")
            self._textarea = None
        elif tag == "select":
            self._select = None


def edit_url(page) -> str:
    return f"/admin/pages/{page.pk}/edit/"


def edit_form(client, page) -> dict:
    html = client.get(edit_url(page)).content.decode()
    start = html.index('id="page-edit-form"')
    form = html[html.rindex("<form", 0, start) : html.index("</form>", start)]
    parser = _FormFields()
    parser.feed(form)
    data = {k: v if len(v) > 1 else v[0] for k, v in parser.fields.items()}
    # Stream fields are drawn by the editor's JavaScript: post them empty.
    for field in type(page)._meta.get_fields():
        if isinstance(field, StreamField):
            data.setdefault(f"{field.name}-count", "0")
    return data


def add_question(data: dict, **values) -> dict:
    """Append one question to the questionnaire's inline formset."""
    number = int(data["questions-TOTAL_FORMS"])
    prefix = f"questions-{number}-"
    data.update(
        {
            prefix + "id": "",
            prefix + "ORDER": str(number + 1),
            prefix + "DELETE": "",
            prefix + "field_type": "text",
            prefix + "label": "",
            prefix + "help_text": "",
            prefix + "name": "",
            prefix + "choices": "",
            prefix + "choice_values": "",
            prefix + "min_value": "",
            prefix + "max_value": "",
            prefix + "condition_name": "",
            prefix + "condition_value": "",
        }
    )
    data.update({prefix + key: value for key, value in values.items()})
    data["questions-TOTAL_FORMS"] = str(number + 1)
    return data


def post_edit(client, page, data: dict, publish: bool = False):
    payload = {k: v for k, v in data.items() if v is not None}
    if publish:
        payload["action-publish"] = "action-publish"
    return client.post(edit_url(page), payload)
