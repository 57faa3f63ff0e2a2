#!/usr/bin/env python3
# Compile CPU of unity batches against the same files one by one (docs/sanitizer-findings.md).
# CPU time (user + system of the compiler) is what it counts, not wall time, so a loaded machine
# does not distort it much. Run without ccache, on a configured unity build folder:
#   cmake -S . -B build -DTIANSHAN_UNITY=ON ...
#   CCACHE_DISABLE=1 nice -n 10 bench/unity_compile_cpu.py build \
#       tianshan_lib.dir/Unity/unity_server_src_modules_people_0 ...
import json, os, re, resource, shlex, subprocess, sys
build = sys.argv[1]; groups = sys.argv[2:]
cc = json.load(open(os.path.join(build, 'compile_commands.json')))
def cpu(cmd, cwd):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(cmd, cwd=cwd, check=True, stdout=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
tot_u = tot_s = 0; n_files = 0
for g in groups:
    e = next(e for e in cc if e['file'].endswith('/' + g + '_cxx.cxx'))
    args = shlex.split(e['command'])
    o = args.index('-o'); args[o + 1] = '/dev/null'
    files = re.findall(r'#include "([^"]+)"', open(e['file']).read())
    u = cpu(args, e['directory'])
    s = 0
    for f in files:
        a = list(args); a[-1] = f
        s += cpu(a, e['directory'])
    print(f'{g}: {len(files)} files, unity {u:.1f} s, separately {s:.1f} s ({s/u:.2f}x), one file on average {s/len(files):.1f} s', flush=True)
    tot_u += u; tot_s += s; n_files += len(files)
print(f'total: {n_files} files, unity {tot_u:.1f} s, separately {tot_s:.1f} s ({tot_s/tot_u:.2f}x)')
