"""PyInstaller hook for apprise (tools/build_app.py passes this folder as --additional-hooks-dir).

apprise finds its notification services by listing the files of ``apprise/plugins`` (and its
attachment and configuration handlers likewise) and importing each by name. In a frozen program
the modules live in the PYZ archive and that folder does not exist, so every URL — mailtos://,
dingtalk://, wecombot://, feishu:// — would be "unsupported". "pyz+py" keeps the modules in
the archive and also writes the .py files to the folder, where apprise lists them.
"""

from PyInstaller.utils.hooks import collect_data_files, collect_submodules, copy_metadata

hiddenimports = collect_submodules("apprise")
datas = collect_data_files("apprise") + copy_metadata("apprise")
module_collection_mode = {"apprise": "pyz+py"}
