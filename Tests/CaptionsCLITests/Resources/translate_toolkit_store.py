"""Loading and saving an XLIFF file with Translate Toolkit, for the scripts beside this one."""
from translate.storage import factory, xliff2


def load(path):
    """The file as Translate Toolkit reads it: XLIFF 1.2 through its format factory, 2.x with
    translate.storage.xliff2 (the factory sends every .xlf to the 1.2 reader)."""
    with open(path, "rb") as handle:
        content = handle.read()
    if b"urn:oasis:names:tc:xliff:document:2.0" in content:
        return xliff2.Xliff2File.parsestring(content)
    return factory.getobject(path)


def save(store, path):
    """Writes `store` back to `path`."""
    with open(path, "wb") as handle:
        store.serialize(handle)
