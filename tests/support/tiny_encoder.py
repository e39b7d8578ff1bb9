"""A randomly initialised 2-layer BERT with a word-level vocabulary of the given sentences:
training smoke tests run through the real code paths in seconds."""

from __future__ import annotations

from pathlib import Path


def write_tiny_encoder(folder: Path, sentences: list[str]) -> Path:
    # deferred: torch and transformers are the optional train extra; callers skip without them
    import torch
    import transformers
    from tokenizers import Tokenizer, models, normalizers, pre_tokenizers, processors

    words = sorted({w for s in sentences
                    for w in s.lower().replace(",", " , ").replace("!", " ! ").replace("?", " ? ")
                    .replace(".", " . ").split()})
    tokens = dict.fromkeys(["[PAD]", "[UNK]", "[CLS]", "[SEP]", "title", "number", *map(str, range(30)), *words])
    vocab = {token: i for i, token in enumerate(tokens)}
    tokenizer = Tokenizer(models.WordPiece(vocab, unk_token="[UNK]"))
    tokenizer.normalizer = normalizers.BertNormalizer(lowercase=True)
    tokenizer.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    tokenizer.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]", special_tokens=[("[CLS]", vocab["[CLS]"]), ("[SEP]", vocab["[SEP]"])]
    )
    folder.mkdir(parents=True)
    tokenizer.save(str(folder / "tokenizer.json"))
    config = transformers.BertConfig(vocab_size=len(vocab), hidden_size=32, num_hidden_layers=2,
                                     num_attention_heads=2, intermediate_size=64, max_position_embeddings=128)
    torch.manual_seed(0)
    transformers.BertModel(config).save_pretrained(str(folder))
    return folder
