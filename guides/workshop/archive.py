"""Download and import: a model folder as a zip of TOML files, in memory.

An imported zip is read defensively: no path outside its one folder, no deeper folders, at most
``MAX_FILES`` files, none over 1 MB unpacked (checked before reading and while reading), only
``.toml`` files are taken (routing always comes from the base model). Every refusal is one Danish
sentence; nothing is written anywhere.
"""

from __future__ import annotations

import io
import zipfile

from .load import MAX_FILE_BYTES, MAX_FILES, NAME_RE, WORKSHOP_FILE

MAX_ZIP_BYTES = 5_000_000


class ImportRefused(Exception):
    """A zip the workshop will not read; the message is Danish and shown as is."""


def export_zip(files: dict[str, str], folder: str, base: str) -> bytes:
    """The model folder ``<folder>/`` with its TOML files and ``workshop.toml`` (its base model)."""
    out = dict(files)
    out[WORKSHOP_FILE] = (
        "# Modelværkstedet: the model whose guides' routing (<guide>.py) this model uses.\n"
        f'base = "{base}"\n'
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for name in sorted(out):
            info = zipfile.ZipInfo(f"{folder}/{name}", date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, out[name].encode("utf-8"))
    return buffer.getvalue()


def _safe_name(raw: str) -> tuple[str, str]:
    """(folder, file) of a member, or ImportRefused for anything outside one folder."""
    name = raw.replace("\\", "/")
    if "\\" in raw or name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        raise ImportRefused(f"Zip-filen indeholder stien '{raw}', som peger uden for mappen. Den er afvist, og intet er ændret.")
    parts = [p for p in name.split("/") if p not in ("", ".")]
    if any(p == ".." for p in parts):
        raise ImportRefused(f"Zip-filen indeholder stien '{raw}', som peger uden for mappen. Den er afvist, og intet er ændret.")
    if len(parts) > 2:
        raise ImportRefused(f"Zip-filen har mapper i flere lag ('{raw}'). Den skal holde én modelmappe med TOML-filer.")
    return ("", parts[0]) if len(parts) == 1 else (parts[0], parts[1])


def import_zip(data: bytes) -> dict:
    """{files, folder, base, ignored} from a zip made by ``export_zip`` (or a zipped model folder)."""
    if len(data) > MAX_ZIP_BYTES:
        raise ImportRefused(f"Zip-filen er for stor ({len(data) / 1_000_000:.1f} MB); højst {MAX_ZIP_BYTES // 1_000_000} MB.")
    try:
        z = zipfile.ZipFile(io.BytesIO(data))
        members = z.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise ImportRefused("Filen er ikke en zip-fil, som værkstedet kan læse.") from None
    if len(members) > MAX_FILES:
        raise ImportRefused(f"Zip-filen har {len(members)} filer; højst {MAX_FILES} er tilladt.")
    files, ignored, folders = {}, [], set()
    total = 0
    for m in members:
        folder, name = _safe_name(m.filename)
        if m.is_dir():
            continue
        folders.add(folder)
        if not name.endswith(".toml"):
            ignored.append(name)
            continue
        if not NAME_RE.match(name):
            raise ImportRefused(f"Filnavnet '{name}' er ikke tilladt: kun små bogstaver, tal, - og _, og det skal ende på .toml.")
        if m.file_size > MAX_FILE_BYTES:
            raise ImportRefused(f"Filen '{name}' er for stor ({m.file_size / 1_000_000:.1f} MB); højst 1 MB pr. fil.")
        with z.open(m) as f:
            raw = f.read(MAX_FILE_BYTES + 1)
        if len(raw) > MAX_FILE_BYTES:
            raise ImportRefused(f"Filen '{name}' er for stor; højst 1 MB pr. fil.")
        total += len(raw)
        if total > MAX_ZIP_BYTES:
            raise ImportRefused("Zip-filen fylder for meget, når den pakkes ud.")
        try:
            files[name] = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise ImportRefused(f"Filen '{name}' er ikke tekst i UTF-8.") from None
    if len(folders) > 1:
        raise ImportRefused("Zip-filen holder flere mapper; den skal holde én modelmappe.")
    if "model.toml" not in files:
        raise ImportRefused("Zip-filen har ingen model.toml, så det er ikke en modelmappe.")
    from .load import base_of

    base = base_of(files)
    files.pop(WORKSHOP_FILE, None)
    return {"files": files, "folder": next(iter(folders)) or "model", "base": base, "ignored": ignored}
