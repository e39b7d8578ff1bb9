"""Tokens per second and peak memory of the bundled ONNX technique model beside PyTorch fp32.

Each backend runs in its own child process, so peak resident memory is its own. The
PyTorch side is the same architecture (all-MiniLM-L6-v2 encoder plus the two heads) in
fp32; speed and memory do not depend on the trained weight values. Both use the same
windows, batch size and thread count. Texts: PTC articles from ../shared/data when
present, else the example articles repeated.

    .venv/bin/python benchmarks/techniques_speed.py [--articles 20] [--threads 2]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PTC = ROOT.parent / "shared" / "data" / "ptc" / "train-articles"


def texts(n: int) -> list[str]:
    if PTC.is_dir():
        return [p.read_text(encoding="utf-8") for p in sorted(PTC.glob("article*.txt"))[:n]]
    examples = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.txt"))]
    return [examples[i % len(examples)] * 10 for i in range(n)]


def torch_runner(threads: int):
    import torch
    from transformers import AutoModel

    from presslens.training.model_folder import default_base
    from presslens.training.techniques_net import TechniqueNet

    torch.set_num_threads(threads)
    encoder = AutoModel.from_pretrained(str(default_base()), attn_implementation="eager")
    net = TechniqueNet(encoder, encoder.config.hidden_size).eval()

    def run(ids, mask):
        with torch.inference_mode():
            logits, hidden = net(torch.from_numpy(ids), torch.from_numpy(mask))
        return logits.numpy(), hidden.numpy()

    return run


def child(backend: str, n: int, threads: int) -> dict:
    os.environ["PRESSLENS_THREADS"] = str(threads)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from presslens.analyzers.techniques.component import load_model, make_windows, token_outputs

    model = load_model()
    run = model._run if backend == "onnx" else torch_runner(threads)
    articles = texts(n)
    all_windows = [
        make_windows(model.tokenizer, t, model.config["max_length"], model.config["stride"]) for t in articles
    ]
    token_outputs(all_windows[0], run, model.config["batch_size"], model.pad_id)  # warm-up
    began = time.perf_counter()
    for windows in all_windows:
        token_outputs(windows, run, model.config["batch_size"], model.pad_id)
    seconds = time.perf_counter() - began
    tokens = sum(len(w.offsets) for w in all_windows)
    return {
        "backend": backend,
        "articles": len(articles),
        "tokens": tokens,
        "tokens_per_second": round(tokens / seconds),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--child", choices=["onnx", "torch"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.articles, args.threads)))
        return
    rows = []
    for backend in ("onnx", "torch"):
        done = subprocess.run(
            [sys.executable, __file__, "--child", backend,
             "--articles", str(args.articles), "--threads", str(args.threads)],
            capture_output=True, text=True, check=True,
        )
        rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
    print(f"{'backend':<22}{'tokens':>9}{'tokens/s':>11}{'peak RSS MB':>13}")
    for row in rows:
        name = "ONNX (bundled)" if row["backend"] == "onnx" else "PyTorch fp32"
        print(f"{name:<22}{row['tokens']:>9}{row['tokens_per_second']:>11}{row['peak_rss_mb']:>13}")
    print(f"speed-up: {rows[0]['tokens_per_second'] / rows[1]['tokens_per_second']:.2f}x with {args.threads} threads")


if __name__ == "__main__":
    main()
