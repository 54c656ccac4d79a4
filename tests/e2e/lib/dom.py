"""Just enough of a DOM for the report tests: elements with their attributes, ancestry and text
(character references decoded, as a browser's textContent)."""
from html.parser import HTMLParser


class Dom(HTMLParser):
    def __init__(self, text):
        super().__init__()
        self.stack, self.elements = [], []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        el = {'tag': tag, 'attrs': dict(attrs), 'text': '', 'parents': list(self.stack)}
        self.elements.append(el)
        if tag not in ('meta', 'input', 'br'):
            self.stack.append(el)

    def handle_startendtag(self, tag, attrs):
        self.elements.append({'tag': tag, 'attrs': dict(attrs), 'text': '',
                              'parents': list(self.stack)})

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()['tag'] == tag:
                break

    def handle_data(self, data):
        for el in self.stack:
            el['text'] += data

    def find(self, tag, cls=None, within=None):
        return [e for e in self.elements if e['tag'] == tag
                and (cls is None or cls in e['attrs'].get('class', '').split())
                and (within is None or any(p is within for p in e['parents']))]

    def by_id(self, ident):
        found = [e for e in self.elements if e['attrs'].get('id') == ident]
        assert len(found) == 1, f'{len(found)} elements with id {ident}'
        return found[0]


def hidden(el):
    return 'hidden' in el['attrs'].get('class', '').split()
